// The simulation lab for one scenario: an organiser starts a run of bot games
// on the server, follows its progress, reads the lesson checks and opens the
// balance report. A finished run is cached by the server, so asking again for
// the same games and seed answers at once.
import { brand, h, render } from "../ui/dom.ts";
import { call, scenarioList, serverUrl, type ScenarioSummary } from "../net/api.ts";
import { onLeavePage } from "../router.ts";
import type { CheckResult, LabReport, LabRunStatus as LabRun } from "../../shared/lab/types.ts";
import { i18n, t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { checkTitle } from "../../shared/lab/words.ts";
import { measuredText } from "../../shared/lab/check-words.ts";

/** A lesson check's result in words. */
function statusWord(s: CheckResult["status"]): string {
  if (s === "pass") return `✓ ${t("lab.pass")}`;
  return s === "fail" ? `✗ ${t("lab.fail")}` : `– ${t("lab.unmeasured")}`;
}

/** The lab page of the scenario in the URL. */
export async function labPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const scenarioId = params.id ?? "";
  const heading = h("h1", {}, t("lab.title"));
  const games = h("select", { id: "lab-games", name: "games" });
  for (const n of [20, 100, 200, 500])
    games.append(h("option", { value: String(n) }, t("lab.games-per-profile", { games: n })));
  games.value = "100";
  const seed = h("input", { id: "lab-seed", name: "seed", maxlength: 100, value: "lab" });
  const organiser = h("input", {
    id: "lab-organiser",
    type: "password",
    autocomplete: "off",
    value: sessionStorage.getItem("deconflict:organiser") ?? "",
  });
  const organiserBox = h("div", { hidden: true }, h("label", { for: "lab-organiser" }, t("lab.organiser")), organiser);
  const start = h("button", { class: "primary", type: "submit" }, t("lab.run"));
  const bar = h("progress", { hidden: true, "aria-label": t("lab.progress-label"), style: "width: 100%" });
  const status = h("p", { role: "status" });
  const error = h("p", { role: "alert", class: "error-text" });
  const result = h("section", { "aria-label": t("lab.result") });
  let timer: ReturnType<typeof setTimeout> | null = null;
  onLeavePage(() => timer !== null && clearTimeout(timer));

  const form = h(
    "form",
    { class: "card", "aria-label": t("lab.run") },
    h("p", {}, t("lab.intro")),
    h("label", { for: "lab-games" }, t("lab.games")),
    games,
    h("label", { for: "lab-seed" }, t("lab.seed")),
    seed,
    h("p", { class: "dim" }, t("lab.same-report")),
    organiserBox,
    h("div", { class: "row" }, start),
    bar,
    status,
    error,
  );
  void call<{ createCodeRequired?: boolean }>("GET", "/health")
    .then((hl) => (organiserBox.hidden = !hl.createCodeRequired))
    .catch(() => {});

  const show = (run: LabRun) => {
    bar.hidden = false;
    bar.max = run.total;
    bar.value = run.done;
    status.textContent =
      run.status === "done"
        ? t("lab.done", { games: run.total })
        : t("lab.played", { done: run.done, games: run.total });
  };
  const finish = async (run: LabRun) => {
    start.disabled = false;
    if (run.status === "failed") {
      error.textContent = run.error ?? t("lab.failed");
      return;
    }
    const report = await call<LabReport>("GET", `/lab/runs/${run.id}/report?format=json`);
    const base = `${serverUrl()}/api/lab/runs/${run.id}/report`;
    render(
      result,
      h(
        "div",
        { class: "card" },
        h("h2", {}, t("lab.checks")),
        h(
          "table",
          { class: "plain" },
          h(
            "thead",
            {},
            h("tr", {}, h("th", {}, t("lab.result")), h("th", {}, t("lab.check")), h("th", {}, t("lab.measured"))),
          ),
          h(
            "tbody",
            {},
            report.checks.map((c) =>
              h(
                "tr",
                { "data-check": c.id, "data-status": c.status },
                h("td", {}, statusWord(c.status)),
                h("td", {}, checkTitle(i18n(), c.id, c.title)),
                h("td", {}, measuredText(i18n(), c)),
              ),
            ),
          ),
        ),
        h(
          "div",
          { class: "row" },
          newTab(h("a", { class: "button primary", href: `${base}?lang=${i18n().lang}` }, t("lab.open-report"))),
          newTab(h("a", { class: "button", href: `${base}?format=json` }, "JSON")),
        ),
      ),
    );
  };
  const poll = async (id: string) => {
    try {
      const run = await call<LabRun>("GET", `/lab/runs/${id}`);
      show(run);
      if (run.status === "running") timer = setTimeout(() => void poll(id), 400);
      else await finish(run);
    } catch (err) {
      start.disabled = false;
      error.textContent = httpRefusalText(err);
    }
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    render(result);
    start.disabled = true;
    const bearer = organiser.value.trim() || undefined;
    if (bearer) sessionStorage.setItem("deconflict:organiser", bearer);
    try {
      const run = await call<LabRun>(
        "POST",
        "/lab/runs",
        { scenarioId, games: Number(games.value), seed: seed.value.trim() || "lab" },
        bearer,
      );
      show(run);
      if (run.status === "running") await poll(run.id);
      else await finish(run);
    } catch (err) {
      if ((err as { code?: string }).code === "create-code-required") organiserBox.hidden = false;
      error.textContent = httpRefusalText(err);
      start.disabled = false;
    }
  });

  render(
    root,
    h(
      "main",
      { class: "page" },
      h(
        "header",
        { class: "page-header" },
        brand(),
        h("a", { href: "/" }, t("lab.lobby", { arrow: i18n().dir === "rtl" ? "→" : "←" })),
      ),
      heading,
      form,
      result,
    ),
  );
  try {
    const list = await scenarioList<ScenarioSummary>(i18n().locale);
    const s = list.find((x) => x.id === scenarioId);
    if (!s) {
      error.textContent = t("lab.no-scenario", { scenario: scenarioId });
      start.disabled = true;
    } else heading.textContent = t("lab.title-of", { title: s.title });
  } catch (err) {
    error.textContent = httpRefusalText(err);
  }
}

/** A link that opens in a new tab (the router leaves such links alone). */
function newTab(a: HTMLAnchorElement): HTMLAnchorElement {
  a.target = "_blank";
  a.rel = "noopener";
  return a;
}
