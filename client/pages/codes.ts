// The page control hands out: one join code and link per seat, with copy
// buttons, printable (one row per seat, cut into slips).
import { brand, h, noticePage, render } from "../ui/dom.ts";
import { call, scenarioList, type Codes } from "../net/api.ts";
import { seatFor } from "../net/seats.ts";
import { codeTable, type ScenarioTeams } from "../ui/code-table.ts";
import { t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { own, forward, isolate } from "../ui/own-words.ts";

interface ExerciseSummary {
  exerciseId: string;
  roomId: string;
  title: string;
  scenarioId: string;
  seed: string;
  status: string;
  turns: number;
  codes: Codes;
}

export async function codesPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const roomId = params.id!;
  const seat = seatFor(roomId, "facilitator");
  if (!seat) {
    noticePage(root, t("codes.only-facilitator"));
    return;
  }
  let ex: ExerciseSummary;
  try {
    ex = await call<ExerciseSummary>("GET", `/exercises/${roomId}`, undefined, seat.code);
  } catch (err) {
    render(root, h("main", { class: "page" }, h("p", { role: "alert", class: "error-text" }, httpRefusalText(err))));
    return;
  }
  const scenario = await scenarioList<{ id: string; title: string } & ScenarioTeams>().then((l) =>
    l.find((s) => s.id === ex.scenarioId),
  );
  // links must work on participants' machines: localhost would not
  const health = await call<{ joinBases: string[] }>("GET", "/health").catch(() => ({ joinBases: [] as string[] }));
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  const bases = [...new Set([...(local ? health.joinBases : []), location.origin, ...(local ? [] : health.joinBases)])];
  let base = bases[0]!;
  const link = (code: string) => `${base}/join?code=${code}`;
  const baseSelect = h(
    "select",
    { id: "join-base", style: "width: auto" },
    bases.map((b) => h("option", { value: b }, b)),
  );
  baseSelect.addEventListener("change", () => {
    base = baseSelect.value;
    void codesPage(root, { ...params, base });
  });
  if (params.base && bases.includes(params.base)) {
    base = params.base;
    baseSelect.value = base;
  }

  render(
    root,
    h(
      "main",
      { class: "page" },
      h(
        "header",
        { class: "page-header no-print" },
        brand(),
        h(
          "div",
          { class: "row" },
          h("button", { type: "button", onclick: () => window.print() }, t("codes.print")),
          h(
            "a",
            { class: "button primary", href: `/exercise/${roomId}?as=facilitator` },
            t("codes.open-console", { arrow: forward() }),
          ),
        ),
      ),
      own(h("h1", {}, ex.title)),
      h(
        "p",
        { class: "dim" },
        t("codes.facts", { exercise: isolate(ex.exerciseId), seed: isolate(ex.seed), turns: ex.turns }),
        " · ",
        own(h("span", {}, scenario?.title ?? ex.scenarioId)),
      ),
      h("p", {}, t("codes.how")),
      h(
        "p",
        { class: "no-print" },
        h("label", { class: "inline", for: "join-base" }, t("codes.base-label"), " ", baseSelect),
        local ? h("span", { class: "dim" }, ` — ${t("codes.base-hint")}`) : null,
      ),
      codeTable(ex.codes, scenario, link),
    ),
  );
}
