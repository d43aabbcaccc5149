// Joining with a code (typed, or from a link) and a display name.
import { brand, h, render } from "../ui/dom.ts";
import { call, type JoinAnswer } from "../net/api.ts";
import { saveCourse, saveSeat } from "../net/seats.ts";
import { navigate } from "../router.ts";
import { t } from "../i18n/index.ts";
import { languagePicker } from "../i18n/picker.ts";
import { httpRefusalText } from "../net/refusals.ts";

export function joinPage(root: HTMLElement, params: Record<string, string>): void {
  const code = h("input", {
    id: "code",
    name: "code",
    value: params.code ?? "",
    autocomplete: "off",
    class: "mono",
    required: true,
    placeholder: "XXXX-XXXX-XXXX-XXXX-XXXX",
  });
  const name = h("input", {
    id: "name",
    name: "name",
    maxlength: 40,
    required: true,
    autocomplete: "name",
    value: localStorage.getItem("deconflict:name") ?? "",
    placeholder: t("join.name-placeholder"),
  });
  const status = h("p", { role: "alert", class: "error-text" });
  const button = h("button", { class: "primary", type: "submit" }, t("join.submit"));
  const form = h(
    "form",
    { class: "card", "aria-label": t("join.title"), style: "max-width: 34em" },
    h("h1", {}, t("join.title")),
    h("label", { for: "code" }, t("join.code-label")),
    code,
    h("label", { for: "name" }, t("join.name-label")),
    name,
    h("p", { class: "dim" }, t("join.seat-hint")),
    h("div", { class: "row" }, button),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    status.textContent = "";
    if (!name.value.trim()) {
      status.textContent = t("join.name-missing");
      name.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t("join.checking");
    try {
      const answer = await call<JoinAnswer>("POST", "/join", { code: code.value.trim() });
      localStorage.setItem("deconflict:name", name.value.trim());
      if ("course" in answer) {
        saveCourse({ groupId: answer.course, code: code.value.trim(), title: answer.title, savedAt: Date.now() });
        navigate(`/course/${answer.course}`);
        return;
      }
      const target = answer;
      saveSeat({
        roomId: target.roomId,
        code: code.value.trim(),
        name: name.value.trim(),
        title: target.title,
        role: target.role,
        seatName: target.seatName,
        savedAt: Date.now(),
      });
      // the display code opens the projector's page, never the console's
      navigate(target.role === "public" ? `/display/${target.roomId}` : `/exercise/${target.roomId}`);
    } catch (err) {
      status.textContent = httpRefusalText(err);
      button.disabled = false;
      button.textContent = t("join.submit");
    }
  });
  render(root, h("main", { class: "page" }, h("header", { class: "page-header" }, brand(), languagePicker()), form));
  (params.code ? name : code).focus();
}
