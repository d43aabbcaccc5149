// The lobby: pick a scenario, create an exercise, or join one with a code.
import { brand, h, render } from "../ui/dom.ts";
import { call, type CreatedCourse, type CreatedExercise, type ScenarioSummary } from "../net/api.ts";
import { courses, facilitatorSeats, saveCourse, saveSeat } from "../net/seats.ts";
import { navigate } from "../router.ts";
import { selfPacedCard, selfPacedList } from "./self-paced.ts";
import { botChoice } from "./bot-choice.ts";
import { i18n, t } from "../i18n/index.ts";
import { languagePicker } from "../i18n/picker.ts";
import { httpRefusalText } from "../net/refusals.ts";

export async function lobbyPage(root: HTMLElement): Promise<void> {
  const list = h("div", { class: "grid", role: "radiogroup", "aria-label": t("lobby.scenarios-label") });
  const status = h("p", { role: "alert", class: "error-text" });
  let chosen: ScenarioSummary | null = null;

  const title = h("input", {
    id: "ex-title",
    name: "title",
    maxlength: 120,
    placeholder: t("lobby.title-placeholder"),
  });
  const seed = h("input", { id: "ex-seed", name: "seed", maxlength: 100, placeholder: t("lobby.seed-placeholder") });
  const cells = h("input", { id: "ex-cells", type: "number", value: "1", style: "width: 6em" });
  cells.min = "1";
  cells.max = "12";
  const sameSeed = h("input", { id: "ex-same-seed", type: "checkbox", checked: true });
  const createText = () => t("lobby.create", { cells: Math.max(1, Math.floor(Number(cells.value) || 1)) });
  const create = h("button", { class: "primary", type: "submit", disabled: true }, createText());
  // a server started with CREATE_CODE asks organisers for it
  const organiser = h("input", {
    id: "ex-organiser",
    type: "password",
    autocomplete: "off",
    value: sessionStorage.getItem("deconflict:organiser") ?? "",
  });
  const organiserBox = h(
    "div",
    { hidden: true },
    h("label", { for: "ex-organiser" }, t("lobby.organiser-label")),
    organiser,
    h("p", { class: "dim" }, t("lobby.organiser-hint")),
  );
  void call<{ createCodeRequired?: boolean }>("GET", "/health")
    .then((hl) => (organiserBox.hidden = !hl.createCodeRequired))
    .catch(() => {});
  const courseBox = h(
    "fieldset",
    {},
    h("legend", {}, t("lobby.cells-legend")),
    h(
      "div",
      { class: "row" },
      h("label", { for: "ex-cells", style: "margin: 0" }, t("lobby.cells-label")),
      cells,
      h("label", { class: "inline", for: "ex-same-seed" }, sameSeed, t("lobby.same-seed")),
    ),
    h("p", { class: "dim", style: "margin: 0.4em 0 0" }, t("lobby.cells-hint")),
  );
  cells.addEventListener("input", () => (create.textContent = createText()));
  const chosenLabel = h("p", { class: "dim" }, t("lobby.choose-above"));
  const bots = botChoice();
  const review = h("input", { id: "ex-review", type: "checkbox" });
  const adjudication = () => (review.checked ? ("review" as const) : undefined);
  const form = h(
    "form",
    { class: "card", "aria-label": t("lobby.setup-label") },
    h("h2", {}, t("lobby.setup-title")),
    chosenLabel,
    h("label", { for: "ex-title" }, t("lobby.title-label")),
    title,
    h("label", { for: "ex-seed" }, t("lobby.seed-label")),
    seed,
    h("p", { class: "dim" }, t("lobby.seed-hint")),
    bots.el,
    h("label", { class: "inline", for: "ex-review" }, review, t("lobby.review")),
    courseBox,
    organiserBox,
    h("div", { class: "row" }, create),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!chosen) return;
    create.disabled = true;
    create.textContent = t("lobby.creating");
    status.textContent = "";
    const bearer = organiser.value.trim() || undefined;
    if (bearer) sessionStorage.setItem("deconflict:organiser", bearer);
    try {
      const n = Number(cells.value) || 1;
      if (n > 1) {
        const course = await call<CreatedCourse>(
          "POST",
          "/groups",
          {
            scenarioId: chosen.id,
            cells: n,
            sameSeed: sameSeed.checked,
            title: title.value || undefined,
            seed: seed.value || undefined,
            bots: bots.value(),
            adjudication: adjudication(),
          },
          bearer,
        );
        saveCourse({ groupId: course.groupId, code: course.code, title: course.title, savedAt: Date.now() });
        for (const c of course.cells)
          saveSeat({
            roomId: c.roomId,
            code: c.codes.facilitator,
            name: "Control",
            title: c.title,
            role: "facilitator",
            seatName: "Control",
            savedAt: Date.now(),
          });
        navigate(`/course/${course.groupId}/codes`);
        return;
      }
      const ex = await call<CreatedExercise>(
        "POST",
        "/exercises",
        {
          scenarioId: chosen.id,
          title: title.value || undefined,
          seed: seed.value || undefined,
          bots: bots.value(),
          adjudication: adjudication(),
        },
        bearer,
      );
      saveSeat({
        roomId: ex.roomId,
        code: ex.codes.facilitator,
        name: "Control",
        title: ex.title,
        role: "facilitator",
        seatName: "Control",
        savedAt: Date.now(),
      });
      navigate(`/exercise/${ex.roomId}/codes`);
    } catch (err) {
      if ((err as { code?: string }).code === "create-code-required") organiserBox.hidden = false;
      status.textContent = httpRefusalText(err);
      create.disabled = false;
      create.textContent = createText();
    }
  });

  // one trainee alone: the same scenario choice, the same organiser code
  const solo = selfPacedCard({
    bearer: () => organiser.value.trim() || undefined,
    needCode: () => (organiserBox.hidden = false),
  });

  const code = h("input", {
    id: "join-code",
    name: "code",
    placeholder: "XXXX-XXXX-XXXX-XXXX-XXXX",
    autocomplete: "off",
    class: "mono",
  });
  const joinForm = h(
    "form",
    { class: "card", "aria-label": t("lobby.join-title") },
    h("h2", {}, t("lobby.join-title")),
    h("label", { for: "join-code" }, t("lobby.join-code-label")),
    h(
      "div",
      { class: "row" },
      h("div", { class: "grow" }, code),
      h("button", { type: "submit" }, t("lobby.join-button")),
    ),
    h("p", { class: "dim" }, t("lobby.join-hint")),
  );
  joinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    navigate(`/join?code=${encodeURIComponent(code.value.trim())}`);
  });

  const mine = facilitatorSeats();
  const myCourses = courses();
  render(
    root,
    h(
      "main",
      { class: "page" },
      h(
        "header",
        { class: "page-header" },
        brand(),
        h("span", { class: "dim" }, t("lobby.tagline")),
        h("a", { href: "/studio", "data-studio": "" }, t("studio.lobby-link")),
        languagePicker(),
      ),
      h(
        "div",
        { class: "row", style: "align-items: stretch; gap: 1em; margin-bottom: 1.5em" },
        h("section", { class: "grow" }, joinForm),
        mine.length || myCourses.length
          ? h(
              "section",
              { class: "card grow", "aria-label": t("lobby.yours-title") },
              h("h2", {}, t("lobby.yours-title")),
              h(
                "ul",
                {},
                myCourses
                  .slice(0, 4)
                  .map((c) =>
                    h("li", {}, h("a", { href: `/course/${c.groupId}` }, c.title), " · ", t("lobby.course-dashboard")),
                  ),
                mine
                  .slice(0, 6)
                  .map((s) =>
                    h(
                      "li",
                      {},
                      h("a", { href: `/exercise/${s.roomId}?as=facilitator` }, s.title),
                      " · ",
                      h("a", { href: `/exercise/${s.roomId}/codes` }, t("lobby.join-codes")),
                      " · ",
                      h("a", { href: `/replay/${s.roomId}` }, t("lobby.replay")),
                    ),
                  ),
              ),
            )
          : null,
        selfPacedList(),
      ),
      h("h1", {}, t("lobby.run-title")),
      h("section", { "aria-label": t("lobby.choose-label") }, h("h2", {}, t("lobby.choose-title")), list),
      h("section", { style: "margin-top: 1.5em" }, form),
      solo.el,
    ),
  );

  const listedWith = organiser.value.trim() || undefined;
  // a code given now may open the organisers' saved scenarios: list again with it
  organiser.addEventListener("change", () => {
    const code = organiser.value.trim();
    if (!code || code === listedWith) return;
    sessionStorage.setItem("deconflict:organiser", code);
    navigate(location.pathname + location.search);
  });
  let scenarios: ScenarioSummary[];
  try {
    // the studio's saved scenarios are listed to organisers only: the code goes with the request
    scenarios = await call<ScenarioSummary[]>("GET", `/scenarios?lang=${i18n().locale}`, undefined, listedWith);
  } catch (err) {
    render(list, h("p", { class: "error-text", role: "alert" }, httpRefusalText(err)));
    return;
  }
  const cards = scenarios.map((s) => {
    const card = h(
      "div",
      { class: "card scenario-card", role: "radio", "aria-checked": "false", tabindex: 0, "data-scenario": s.id },
      auto(h("h3", {}, s.title)),
      auto(h("p", {}, s.summary)),
      h(
        "div",
        { class: "teams-list" },
        s.teams.map((t) =>
          h("span", { class: "badge" }, h("span", { class: "swatch", style: `background:${t.color}` }), t.name),
        ),
        s.mediator ? h("span", { class: "badge accent" }, t("lobby.mediator-badge")) : null,
      ),
      h(
        "small",
        {},
        t("lobby.scenario-facts", {
          turns: s.turns,
          phases: s.phases.join(phaseArrow()),
          injects: s.injects,
        }),
      ),
    );
    const pick = () => {
      chosen = s;
      solo.choose(s);
      bots.choose(s);
      for (const c of cards) c.setAttribute("aria-checked", String(c === card));
      create.disabled = false;
      chosenLabel.textContent = t("lobby.chosen", {
        title: s.title,
        teams: s.teams.length,
        mediator: s.mediator ? "yes" : "no",
        turns: s.turns,
      });
    };
    card.addEventListener("click", pick);
    card.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        pick();
      }
    });
    return card;
  });
  // the lab's link sits under its card, not inside it: a link inside a radio button is a control within a control
  render(
    list,
    cards.map((card, i) =>
      h(
        "div",
        { class: "scenario-item" },
        card,
        h(
          "p",
          { class: "scenario-lab" },
          h("a", { href: `/lab/${scenarios[i]!.id}`, "data-lab": scenarios[i]!.id }, t("lobby.lab-link")),
        ),
      ),
    ),
  );
}

/** A scenario's own words may be in another language than the page's: each reads in its own direction. */
function auto<E extends HTMLElement>(el: E): E {
  el.dir = "auto";
  return el;
}

/** The arrow between phases points the way the page reads; right-to-left marks keep it between Latin names. */
function phaseArrow(): string {
  return i18n().dir === "rtl" ? " \u200f←\u200f " : " → ";
}
