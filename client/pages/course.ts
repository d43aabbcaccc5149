// A course run as parallel cells: the dashboard that follows every cell live,
// and the printable sheet of every cell's codes.
import { brand, h, noticePage, render } from "../ui/dom.ts";
import { call, scenarioList, type CellSummary, type CourseSummary } from "../net/api.ts";
import { courseFor, saveSeat } from "../net/seats.ts";
import { onLeavePage } from "../router.ts";
import { codeTable, type ScenarioTeams } from "../ui/code-table.ts";
import { outcomeWords } from "../../shared/words/index.ts";
import { icon } from "../ui/icons.ts";
import { i18n, t, eventWords } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { own, forward, isolate } from "../ui/own-words.ts";
import { courseControls } from "./course-controls.ts";

async function loadCourse(root: HTMLElement, id: string): Promise<{ course: CourseSummary; code: string } | null> {
  const stored = courseFor(id);
  if (!stored) {
    noticePage(root, t("course.no-code"), " ", h("a", { href: "/join" }, t("course.join-page")));
    return null;
  }
  try {
    const course = await call<CourseSummary>("GET", `/groups/${id}`, undefined, stored.code);
    // the course code opens every cell's control console from this browser
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
    return { course, code: stored.code };
  } catch (err) {
    render(root, h("main", { class: "page" }, h("p", { role: "alert", class: "error-text" }, httpRefusalText(err))));
    return null;
  }
}

export async function courseCodesPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const loaded = await loadCourse(root, params.id!);
  if (!loaded) return;
  const { course, code } = loaded;
  const health = await call<{ joinBases: string[] }>("GET", "/health").catch(() => ({ joinBases: [] as string[] }));
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname);
  const base = (local && health.joinBases[0]) || location.origin;
  const link = (c: string) => `${base}/join?code=${c}`;
  const scenario = await scenarioOf(course.scenarioId);
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
          h("button", { type: "button", onclick: () => window.print() }, t("course.print")),
          h(
            "a",
            { class: "button primary", href: `/course/${course.groupId}` },
            t("course.open-dashboard", { arrow: forward() }),
          ),
        ),
      ),
      own(h("h1", {}, course.title)),
      h(
        "p",
        {},
        t("course.cells-of", { cells: course.cells.length, scenario: course.scenarioTitle }),
        " ",
        t("course.course-code"),
        " ",
        h("strong", { class: "mono" }, code),
      ),
      course.cells.map((c) =>
        h(
          "section",
          { class: "card", style: "break-inside: avoid; margin-bottom: 1em", "data-cell": c.exerciseId },
          own(h("h2", {}, c.title)),
          h("p", { class: "dim" }, t("course.cell-facts", { exercise: isolate(c.exerciseId), seed: isolate(c.seed) })),
          botNote(c, scenario),
          codeTable(c.codes, scenario, link),
        ),
      ),
    ),
  );
}

export async function courseDashboardPage(root: HTMLElement, params: Record<string, string>): Promise<void> {
  const loaded = await loadCourse(root, params.id!);
  if (!loaded) return;
  const { code } = loaded;
  const table = h("tbody", {});
  const updated = h("p", { class: "dim", role: "status" });
  const draw = (course: CourseSummary) => {
    render(table, course.cells.map(row));
    updated.textContent = t("course.updated", { time: i18n().time(new Date()) });
  };
  const refresh = async () => {
    try {
      draw(await call<CourseSummary>("GET", `/groups/${params.id}`, undefined, code));
    } catch (err) {
      updated.textContent = t("course.refresh-failed", { reason: httpRefusalText(err) });
    }
  };
  const scenario = await scenarioOf(loaded.course.scenarioId);
  render(
    root,
    h(
      "main",
      { class: "page", style: "max-width: 1400px" },
      h(
        "header",
        { class: "page-header" },
        brand(),
        h(
          "div",
          { class: "row" },
          h("a", { class: "button", href: `/course/${params.id}/codes` }, t("course.join-codes")),
          h(
            "a",
            { class: "button primary", href: `/course/${params.id}/compare` },
            t("course.compare", { arrow: forward() }),
          ),
        ),
      ),
      own(h("h1", {}, loaded.course.title)),
      h("p", {}, t("course.cells-of", { cells: loaded.course.cells.length, scenario: loaded.course.scenarioTitle })),
      courseControls(loaded.course.groupId, code, scenario, refresh),
      h(
        "table",
        { class: "code-table", "aria-label": t("course.cells-label") },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            [
              t("course.th-cell"),
              t("course.th-status"),
              t("course.th-turn"),
              t("course.th-escalation"),
              t("course.th-outcome"),
              t("course.th-people"),
              "",
            ].map((x) => h("th", {}, x)),
          ),
        ),
        table,
      ),
      updated,
    ),
  );
  draw(loaded.course);
  const timer = setInterval(() => void refresh(), 3000);
  onLeavePage(() => clearInterval(timer));
}

function row(c: CellSummary): HTMLElement {
  const status =
    c.status === "running"
      ? h("span", { class: "badge ok" }, `● ${t("course.live")}`)
      : c.status === "paused"
        ? h("span", { class: "badge warn" }, icon("pause"), t("course.paused"))
        : c.status === "ended"
          ? h("span", { class: "badge danger" }, `■ ${t("course.ended")}`)
          : h("span", { class: "badge" }, t("course.not-started"));
  return h(
    "tr",
    { "data-cell": c.exerciseId },
    h("td", {}, own(h("strong", {}, c.title)), h("br"), h("small", {}, t("course.seed", { seed: isolate(c.seed) }))),
    h("td", {}, status),
    h(
      "td",
      {},
      c.status === "setup"
        ? "—"
        : c.phase
          ? t("course.turn-phase", { turn: c.turn, turns: c.turns, phase: c.phase })
          : t("course.turn-of", { turn: c.turn, turns: c.turns }),
    ),
    h(
      "td",
      {},
      h("strong", {}, i18n().number(Math.round(c.escalation))),
      " · ",
      own(h("span", {}, c.rung)),
      h(
        "div",
        { style: `height: 6px; background: var(--surface-3); border-radius: 3px; margin-top: 4px` },
        h("div", {
          style:
            `height: 6px; width: ${c.escalation}%; background: ` +
            `${c.escalation >= 66 ? "var(--danger)" : c.escalation >= 33 ? "var(--warn)" : "var(--ok)"};` +
            ` border-radius: 3px`,
        }),
      ),
    ),
    h("td", {}, c.outcome ? outcomeWords(c.outcome.kind, c.outcome.reason, c, eventWords()) : ""),
    h("td", {}, i18n().number(c.connected)),
    h(
      "td",
      {},
      h(
        "div",
        { class: "row" },
        h("a", { class: "button small", href: `/exercise/${c.roomId}?as=facilitator` }, t("course.console")),
        h("a", { class: "button small", href: `/replay/${c.roomId}` }, t("course.replay")),
      ),
    ),
  );
}

/** "A, B and C", in the reader's language. */
const and = (xs: string[]) => new Intl.ListFormat(i18n().lang, { type: "conjunction" }).format(xs);

/** Which seats bots play in a cell, and for a self-paced one the code its trainee gets. */
function botNote(c: CellSummary, sc: ScenarioTeams | undefined): HTMLElement | null {
  const seats = Object.keys(c.bots ?? {});
  if (!seats.length) return null;
  const name = (id: string) =>
    id === "mediator" ? t("course.the-mediator") : (sc?.teams.find((x) => x.id === id)?.name ?? id);
  const people = (sc?.teams ?? []).filter((x) => !seats.includes(x.id)).map((x) => x.name);
  return h(
    "p",
    { "data-bots": seats.join(" ") },
    t("course.bots-play", { seats: and(seats.map(name)) }),
    " ",
    c.autopilot && people.length
      ? h("strong", {}, t("course.self-paced-code", { seats: and(people) }))
      : t("course.bot-takeover"),
  );
}

/** The course's scenario teams, for code tables and inject audiences (undefined if the list cannot be read). */
function scenarioOf(id: string): Promise<ScenarioTeams | undefined> {
  return scenarioList<{ id: string } & ScenarioTeams>()
    .then((l) => l.find((s) => s.id === id))
    .catch(() => undefined);
}
