// A course run as parallel cells: the dashboard that follows every cell live,
// and the printable sheet of every cell's codes.
import { brand, h, noticePage, render } from "../ui/dom.ts";
import { call, type CellSummary, type CourseSummary } from "../net/api.ts";
import { courseFor, saveSeat } from "../net/seats.ts";
import { onLeavePage } from "../router.ts";
import { codeTable, type ScenarioTeams } from "../ui/code-table.ts";
import { outcomeWords } from "../../shared/words/index.ts";
import { confirmDialog } from "../ui/dialog.ts";
import { icon } from "../ui/icons.ts";

async function loadCourse(root: HTMLElement, id: string): Promise<{ course: CourseSummary; code: string } | null> {
  const stored = courseFor(id);
  if (!stored) {
    noticePage(
      root,
      "This browser does not hold this course's code. Type the course code on the ",
      h("a", { href: "/join" }, "join page"),
      ".",
    );
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
    render(root, h("main", { class: "page" }, h("p", { role: "alert", class: "error-text" }, (err as Error).message)));
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
          h("button", { type: "button", onclick: () => window.print() }, "Print"),
          h("a", { class: "button primary", href: `/course/${course.groupId}` }, "Open the course dashboard →"),
        ),
      ),
      h("h1", {}, course.title),
      h(
        "p",
        {},
        `${course.cells.length} parallel cells of “${course.scenarioTitle}”. Course code (for the facilitators only — keep it to yourselves): `,
        h("strong", { class: "mono" }, code),
      ),
      course.cells.map((c) =>
        h(
          "section",
          { class: "card", style: "break-inside: avoid; margin-bottom: 1em", "data-cell": c.exerciseId },
          h("h2", {}, c.title),
          h("p", { class: "dim" }, `Exercise ${c.exerciseId} · seed ${c.seed}`),
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
    updated.textContent = `Updated ${new Date().toLocaleTimeString()} — refreshes every 3 seconds.`;
  };
  const refresh = async () => {
    try {
      draw(await call<CourseSummary>("GET", `/groups/${params.id}`, undefined, code));
    } catch (err) {
      updated.textContent = `Could not refresh: ${(err as Error).message}`;
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
          h("a", { class: "button", href: `/course/${params.id}/codes` }, "Join codes"),
          h("a", { class: "button primary", href: `/course/${params.id}/compare` }, "Compare the cells →"),
        ),
      ),
      h("h1", {}, loaded.course.title),
      h("p", {}, `${loaded.course.cells.length} parallel cells of “${loaded.course.scenarioTitle}”.`),
      courseControls(loaded.course.groupId, code, scenario, refresh),
      h(
        "table",
        { class: "code-table", "aria-label": "Cells" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ["Cell", "Status", "Turn", "Escalation", "Outcome", "People", ""].map((t) => h("th", {}, t)),
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
      ? h("span", { class: "badge ok" }, "● live")
      : c.status === "paused"
        ? h("span", { class: "badge warn" }, icon("pause"), "paused")
        : c.status === "ended"
          ? h("span", { class: "badge danger" }, "■ ended")
          : h("span", { class: "badge" }, "not started");
  return h(
    "tr",
    { "data-cell": c.exerciseId },
    h("td", {}, h("strong", {}, c.title), h("br"), h("small", {}, `seed ${c.seed}`)),
    h("td", {}, status),
    h("td", {}, c.status === "setup" ? "—" : `${c.turn} of ${c.turns}${c.phase ? ` · ${c.phase}` : ""}`),
    h(
      "td",
      {},
      h("strong", {}, String(Math.round(c.escalation))),
      ` · ${c.rung}`,
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
    h("td", {}, c.outcome ? outcomeWords(c.outcome.kind, c.outcome.reason, c) : ""),
    h("td", {}, String(c.connected)),
    h(
      "td",
      {},
      h(
        "div",
        { class: "row" },
        h("a", { class: "button small", href: `/exercise/${c.roomId}?as=facilitator` }, "Console"),
        h("a", { class: "button small", href: `/replay/${c.roomId}` }, "Replay"),
      ),
    ),
  );
}

/** "A, B and C". */
const and = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}` : (xs[0] ?? ""));

/** Which seats bots play in a cell, and for a self-paced one the code its trainee gets. */
function botNote(c: CellSummary, sc: ScenarioTeams | undefined): HTMLElement | null {
  const seats = Object.keys(c.bots ?? {});
  if (!seats.length) return null;
  const name = (id: string) => (id === "mediator" ? "the mediator" : (sc?.teams.find((t) => t.id === id)?.name ?? id));
  const people = (sc?.teams ?? []).filter((t) => !seats.includes(t.id)).map((t) => t.name);
  return h(
    "p",
    { "data-bots": seats.join(" ") },
    `Bots play ${and(seats.map(name))}. `,
    c.autopilot && people.length
      ? h("strong", {}, `Self-paced: give its trainee the ${and(people)} code; the server runs the rest.`)
      : "Someone who joins with a bot's code takes its seat over.",
  );
}

/** The course's scenario teams, for code tables and inject audiences (undefined if the list cannot be read). */
function scenarioOf(id: string): Promise<ScenarioTeams | undefined> {
  return call<({ id: string } & ScenarioTeams)[]>("GET", "/scenarios")
    .then((l) => l.find((s) => s.id === id))
    .catch(() => undefined);
}

type Action = "start" | "pause" | "resume" | "advance" | "inject";
interface CellResult {
  exerciseId: string;
  title: string;
  ok: boolean;
  message?: string;
}

const ACTIONS: { action: Exclude<Action, "inject">; label: string; question: string; what: string }[] = [
  {
    action: "start",
    label: "Start all",
    question: "Start every cell?",
    what: "Every cell not yet started begins turn 1.",
  },
  { action: "pause", label: "Pause all", question: "Pause every cell?", what: "Every running cell is paused." },
  { action: "resume", label: "Resume all", question: "Resume every cell?", what: "Every paused cell runs again." },
  {
    action: "advance",
    label: "Advance all",
    question: "Advance every cell?",
    what: "Every running cell moves on to its next phase, wherever it is now.",
  },
];

/** Start, pause, resume, advance and an ad-hoc inject for every cell at once, each cell's answer listed. */
function courseControls(groupId: string, code: string, sc: ScenarioTeams | undefined, after: () => Promise<void>) {
  const results = h("div", { role: "status", "aria-live": "polite", "data-course-results": "" });
  const buttons: HTMLButtonElement[] = [];
  const send = async (body: { action: Action } & Record<string, unknown>) => {
    buttons.forEach((b) => (b.disabled = true));
    try {
      const r = await call<{ results: CellResult[] }>("POST", `/groups/${groupId}/control`, body, code);
      const done = r.results.filter((c) => c.ok).length;
      render(
        results,
        h("p", {}, `${done} of ${r.results.length} cells did it.`),
        h(
          "ul",
          {},
          r.results.map((c) =>
            h(
              "li",
              { "data-cell": c.exerciseId, class: c.ok ? "" : "error-text" },
              c.ok ? `✓ ${c.title}` : `✕ ${c.title}: ${c.message ?? "refused"}`,
            ),
          ),
        ),
      );
      await after();
      return true;
    } catch (err) {
      render(results, h("p", { class: "error-text" }, `✕ ${(err as Error).message}`));
      return false;
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  };
  const reason = h("input", { id: "course-pause-reason", maxlength: 200, placeholder: "e.g. lunch break" });
  for (const a of ACTIONS)
    buttons.push(
      h(
        "button",
        {
          type: "button",
          "data-course-action": a.action,
          onclick: async () => {
            const yes = await confirmDialog({ title: a.question, body: a.what, confirm: a.label });
            const why = a.action === "pause" && reason.value.trim() ? { reason: reason.value.trim() } : {};
            if (yes) await send({ action: a.action, ...why });
          },
        },
        a.label,
      ),
    );
  return h(
    "section",
    { class: "card", "aria-label": "Course controls", style: "margin-bottom: 1em" },
    h("h2", {}, "Course controls"),
    h("p", { class: "dim" }, "One command for every cell; each cell records it as “Course control”."),
    h("div", { class: "row" }, buttons),
    h("label", { for: "course-pause-reason" }, "Reason players read when paused (optional)"),
    reason,
    results,
    h("details", {}, h("summary", {}, "Ad-hoc inject in every cell"), injectForm(sc, send, buttons)),
  );
}

function injectForm(
  sc: ScenarioTeams | undefined,
  send: (body: { action: Action } & Record<string, unknown>) => Promise<boolean>,
  buttons: HTMLButtonElement[],
): HTMLElement {
  const title = h("input", { id: "course-inject-title", maxlength: 200, required: true });
  const text = h("textarea", { id: "course-inject-text", maxlength: 2000, rows: 3, required: true });
  const opt = (value: string, label: string, checked = false) =>
    h("label", { class: "row" }, h("input", { type: "checkbox", value, checked }), label);
  const audienceBox = h(
    "fieldset",
    {},
    h("legend", {}, "Audience"),
    opt("all", "Everyone", true),
    (sc?.teams ?? []).map((t) => opt(t.id, t.name)),
    sc?.mediator ? opt("mediator", "Mediator") : null,
    opt("observers", "Observers"),
    opt("facilitator", "Control only"),
  );
  const problem = h("p", { class: "error-text", role: "alert" });
  const release = h("button", { type: "submit", class: "primary" }, "Release in every cell");
  buttons.push(release);
  const form = h(
    "form",
    { "aria-label": "Ad-hoc inject for every cell" },
    h("label", { for: "course-inject-title" }, "Title"),
    title,
    h("label", { for: "course-inject-text" }, "Text"),
    text,
    audienceBox,
    release,
    problem,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const audience = [...audienceBox.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value);
    problem.textContent = audience.length ? "" : "✕ Choose who receives it";
    if (!audience.length) return;
    const yes = await confirmDialog({
      title: `Release “${title.value.trim()}” in every cell?`,
      body: "Released injects cannot be taken back.",
      confirm: "Release in every cell",
      danger: true,
    });
    if (!yes) return;
    if (await send({ action: "inject", title: title.value, text: text.value, audience })) {
      title.value = "";
      text.value = "";
    }
  });
  return form;
}
