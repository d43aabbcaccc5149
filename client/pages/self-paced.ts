// The lobby's "play alone" card: one trainee picks a team of the chosen
// scenario, bots take every other seat, the server paces the phases. The
// trainee's browser keeps the control code too, for the replay and the report.
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { CreatedCourse, CreatedExercise, ScenarioSummary } from "../net/api.ts";
import { call } from "../net/api.ts";
import { facilitatorSeats, saveCourse, saveSeat, seatFor } from "../net/seats.ts";
import { downloadReport } from "../net/download.ts";
import { navigate } from "../router.ts";
import { h, render } from "../ui/dom.ts";
import { botWords, t } from "../i18n/index.ts";
import { own } from "../ui/own-words.ts";
import { httpRefusalText } from "../net/refusals.ts";

type SelfPaced = CreatedExercise & { team: string; phaseSeconds: number };

const PACES = [
  [60, () => t("solo.pace-brisk")],
  [120, () => t("solo.pace-steady")],
  [300, () => t("solo.pace-thoughtful")],
] as const;
const OPPONENTS = ["mixed", "cautious-diplomat", "hawk", "opportunist", "passive", "random"] as const;

/** Marks the seats this browser holds in a self-paced exercise, so the lobby lists them with their report. */
const SOLO = "deconflict:self-paced";
const soloIds = (): string[] => JSON.parse(localStorage.getItem(SOLO) ?? "[]") as string[];

/** The card, told which scenario is chosen; `bearer` gives the organiser code when the server asks for one. */
export function selfPacedCard(opts: { bearer: () => string | undefined; needCode: () => void }) {
  const team = h("select", { id: "solo-team" });
  const opponents = h(
    "select",
    { id: "solo-opponents" },
    OPPONENTS.map((o) => h("option", { value: o }, o === "mixed" ? t("solo.opponents-mixed") : botWords()[o].label)),
  );
  const pace = h(
    "select",
    { id: "solo-pace" },
    PACES.map(([s, label]) => h("option", { value: String(s) }, label())),
  );
  pace.value = "120";
  // a server that allows faster phases (an operator's choice, or a test's) offers its fastest too
  void call<{ selfPacedMinPhaseSeconds?: number }>("GET", "/health")
    .then(({ selfPacedMinPhaseSeconds: min }) => {
      if (min && min < PACES[0][0])
        pace.prepend(h("option", { value: String(min) }, t("solo.pace-fastest", { seconds: min })));
    })
    .catch(() => {});
  const name = h("input", { id: "solo-name", maxlength: 40, placeholder: t("solo.name-placeholder") });
  const cells = h("input", { id: "solo-cells", type: "number", value: "1", style: "width: 6em" });
  cells.min = "1";
  cells.max = "12";
  const start = h("button", { class: "primary", type: "submit", disabled: true }, t("solo.start"));
  const status = h("p", { role: "alert", class: "error-text" });
  const label = h("p", { class: "dim" }, t("solo.choose-above"));
  let chosen: ScenarioSummary | null = null;
  const form = h(
    "form",
    { class: "card", "aria-label": t("solo.card-label") },
    h("h2", {}, t("solo.card-title")),
    label,
    h(
      "div",
      { class: "row", style: "align-items: end" },
      h("div", { class: "grow" }, h("label", { for: "solo-team" }, t("solo.team")), team),
      h("div", { class: "grow" }, h("label", { for: "solo-opponents" }, t("solo.opponents")), opponents),
    ),
    h(
      "div",
      { class: "row", style: "align-items: end" },
      h("div", { class: "grow" }, h("label", { for: "solo-pace" }, t("solo.pace")), pace),
      h("div", { class: "grow" }, h("label", { for: "solo-name" }, t("solo.name")), name),
    ),
    h(
      "div",
      { class: "row" },
      h("label", { for: "solo-cells", style: "margin: 0" }, t("solo.trainees")),
      cells,
      h("span", { class: "dim" }, t("solo.trainees-hint")),
    ),
    h("p", { class: "dim" }, t("solo.how")),
    h("div", { class: "row" }, start),
    status,
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!chosen) return;
    start.disabled = true;
    status.textContent = "";
    try {
      const body = {
        scenarioId: chosen.id,
        team: team.value,
        opponents: opponents.value,
        phaseSeconds: Number(pace.value),
      };
      if (Number(cells.value) > 1) return await course(body);
      const ex = await call<SelfPaced>("POST", "/self-paced", body, opts.bearer());
      const seatName = chosen.teams.find((t) => t.id === ex.team)?.name ?? ex.team;
      const base = { roomId: ex.roomId, title: ex.title, savedAt: Date.now() };
      saveSeat({ ...base, code: ex.codes.facilitator, name: "Control", role: "facilitator", seatName: "Control" });
      saveSeat({ ...base, code: ex.codes.teams[ex.team]!, name: name.value.trim(), role: "team", seatName });
      localStorage.setItem(SOLO, JSON.stringify([ex.roomId, ...soloIds()].slice(0, 20)));
      navigate(`/exercise/${ex.roomId}?as=team`);
    } catch (err) {
      const needsCode = (err as { code?: string }).code === "create-code-required";
      if (needsCode) opts.needCode();
      const message = httpRefusalText(err);
      status.textContent = needsCode ? t("solo.need-code", { message }) : message;
      start.disabled = false;
    }
  });

  /** A self-paced course: the codes page hands each trainee their cell's team code. */
  const course = async (solo: { scenarioId: string; team: string; opponents: string; phaseSeconds: number }) => {
    const { scenarioId, ...selfPaced } = solo;
    const body = { scenarioId, cells: Number(cells.value), sameSeed: true, selfPaced };
    const c = await call<CreatedCourse>("POST", "/groups", body, opts.bearer());
    saveCourse({ groupId: c.groupId, code: c.code, title: c.title, savedAt: Date.now() });
    for (const x of c.cells) {
      const seat = { roomId: x.roomId, code: x.codes.facilitator, name: "Control", title: x.title };
      saveSeat({ ...seat, role: "facilitator", seatName: "Control", savedAt: Date.now() });
    }
    navigate(`/course/${c.groupId}/codes`);
  };
  cells.addEventListener("input", () => {
    start.textContent =
      Number(cells.value) > 1 ? t("solo.create-cells", { cells: Number(cells.value) }) : t("solo.start");
  });

  return {
    el: h("section", { style: "margin-top: 1.5em" }, form),
    choose(s: ScenarioSummary) {
      chosen = s;
      render(
        team,
        s.teams.map((team) => own(h("option", { value: team.id }, team.name))),
      );
      render(
        label,
        t("solo.you-play", { states: s.teams.length, mediator: s.mediator ? "yes" : "no" }),
        " ",
        own(h("span", {}, `(${s.title})`)),
      );
      start.disabled = false;
    },
  };
}

/** The self-paced exercises this browser started: play on, replay, or take the report. */
export function selfPacedList(): HTMLElement | null {
  const ids = new Set(soloIds());
  const mine = facilitatorSeats().filter((s) => ids.has(s.roomId));
  if (!mine.length) return null;
  const status = h("p", { role: "status", class: "error-text" });
  return h(
    "section",
    { class: "card grow", "aria-label": t("solo.played-title") },
    h("h2", {}, t("solo.played-title")),
    h(
      "ul",
      {},
      mine.slice(0, 6).map((s) => {
        const report = h("button", { type: "button", class: "small" }, t("solo.report"));
        report.addEventListener("click", () => {
          downloadReport(s.roomId, s.code, "html").catch((err: Error) => (status.textContent = err.message));
        });
        return h(
          "li",
          { "data-room": s.roomId },
          own(h("a", { href: `/exercise/${s.roomId}?as=team` }, s.title)),
          " · ",
          h("a", { href: `/replay/${s.roomId}` }, t("solo.replay")),
          " · ",
          report,
        );
      }),
    ),
    status,
  );
}

/** On the exercise page of an exercise this browser started alone: once it ends, its replay and report. */
export function selfPacedDebrief(roomId: string): { el: HTMLElement; update(v: ParticipantView): void } {
  // fixed over the board's foot: it changes nothing of the page's layout
  const el = h("div", {
    class: "no-print",
    style:
      "position: fixed; inset-inline: 0; bottom: 1.2em; margin-inline: auto; width: fit-content; z-index: 30; max-width: 94vw",
  });
  const control = soloIds().includes(roomId) ? seatFor(roomId, "facilitator") : undefined;
  let shown = false;
  return {
    el,
    update(v) {
      if (!control || shown || v.exercise.status !== "ended" || v.viewer.role === "facilitator") return;
      shown = true;
      const status = h("span", { role: "status", class: "error-text" });
      const replay = h("button", { type: "button", class: "small" }, t("solo.open-replay"));
      replay.addEventListener("click", () => navigate(`/replay/${roomId}`));
      const report = h("button", { type: "button", class: "small primary" }, t("solo.open-report"));
      report.addEventListener("click", () => {
        downloadReport(roomId, control.code, "html").catch((err: Error) => (status.textContent = err.message));
      });
      render(
        el,
        h(
          "div",
          { class: "card row", "aria-label": t("solo.after-label"), style: "box-shadow: 0 6px 24px #000a" },
          h("strong", {}, t("solo.after-text")),
          replay,
          report,
          status,
        ),
      );
    },
  };
}
