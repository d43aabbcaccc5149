// The studio's "Try it" panel: play the saved scenario alone against bots, or have the simulation lab check
// its balance and show the lesson checks. Both use the saved version (the catalogue's), so the draft is saved first.
import type { StudioPanel, StudioPanelContext } from "./panel.ts";
import type { CreatedExercise, ScenarioSummary } from "../net/api.ts";
import { call, serverUrl } from "../net/api.ts";
import { saveSeat } from "../net/seats.ts";
import { navigate, onLeavePage } from "../router.ts";
import { h, render } from "../ui/dom.ts";
import { i18n, t } from "../i18n/index.ts";
import { httpRefusalText } from "../net/refusals.ts";
import { checkTitle } from "../../shared/lab/words.ts";
import type { CheckResult, LabReport, LabRunStatus } from "../../shared/lab/types.ts";

/** Games per profile for a quick balance check from the studio (the lab page runs more). */
const CHECK_GAMES = 20;
/** The lobby's list of exercises this browser played alone (client/pages/self-paced.ts keeps the same key). */
const SOLO = "deconflict:self-paced";

function bearer(ctx: StudioPanelContext): string | undefined {
  const header = Object.entries(ctx.headers()).find(([k]) => k.toLowerCase() === "authorization")?.[1];
  return header?.replace(/^Bearer\s+/i, "") || undefined;
}

/** The saved scenario's first team, as the catalogue has it (what the play test plays): the designer's seat. */
async function firstTeam(id: string): Promise<{ id: string; name: string } | null> {
  const list = await call<ScenarioSummary[]>("GET", "/scenarios");
  return list.find((s) => s.id === id)?.teams[0] ?? null;
}

function statusWord(s: CheckResult["status"]): string {
  if (s === "pass") return `✓ ${t("lab.pass")}`;
  return s === "fail" ? `✗ ${t("lab.fail")}` : `– ${t("lab.unmeasured")}`;
}

export const tryPanel: StudioPanel = (ctx) => {
  const notice = h("p", { role: "status", class: "error-text", "data-try": "save-first" }, t("studio-try.save-first"));
  const play = h("button", { type: "button", class: "primary", "data-try": "play" }, t("studio-try.play"));
  const check = h("button", { type: "button", "data-try": "check" }, t("studio-try.check"));
  const bar = h("progress", { hidden: true, "aria-label": t("studio-try.progress-label"), style: "width: 100%" });
  const status = h("p", { role: "status" });
  const error = h("p", { role: "alert", class: "error-text" });
  const result = h("div", { "data-try": "checks" });
  let timer: ReturnType<typeof setTimeout> | null = null;
  onLeavePage(() => timer !== null && clearTimeout(timer));

  /** The saved id to try, or null (and the notice says why) while the draft has never been saved. */
  const savedId = (): string | null => {
    const saved = ctx.saved();
    notice.hidden = saved !== null;
    error.textContent = "";
    return saved?.id ?? null;
  };

  play.addEventListener("click", async () => {
    const id = savedId();
    if (!id) return;
    play.disabled = true;
    status.textContent = t("studio-try.starting");
    try {
      const team = await firstTeam(id);
      if (!team) {
        status.textContent = "";
        error.textContent = t("studio-try.no-team");
        play.disabled = false;
        return;
      }
      const health = await call<{ selfPacedMinPhaseSeconds?: number }>("GET", "/health");
      // brisk phases of a minute, or the server's shortest when it asks for longer ones
      const phaseSeconds = Math.max(60, health.selfPacedMinPhaseSeconds ?? 60);
      const body = { scenarioId: id, team: team.id, opponents: "mixed", phaseSeconds };
      const ex = await call<CreatedExercise>("POST", "/self-paced", body, bearer(ctx));
      const base = { roomId: ex.roomId, title: ex.title, savedAt: Date.now() };
      saveSeat({ ...base, code: ex.codes.facilitator, name: "Control", role: "facilitator", seatName: "Control" });
      saveSeat({ ...base, code: ex.codes.teams[team.id]!, name: "", role: "team", seatName: team.name });
      const solo = JSON.parse(localStorage.getItem(SOLO) ?? "[]") as string[];
      localStorage.setItem(SOLO, JSON.stringify([ex.roomId, ...solo].slice(0, 20)));
      navigate(`/exercise/${ex.roomId}?as=team`);
    } catch (err) {
      status.textContent = "";
      error.textContent = httpRefusalText(err);
      play.disabled = false;
    }
  });

  const showChecks = async (run: LabRunStatus) => {
    check.disabled = false;
    if (run.status === "failed") {
      error.textContent = run.error ?? t("lab.failed");
      return;
    }
    const report = await call<LabReport>("GET", `/lab/runs/${run.id}/report?format=json`);
    const href = `${serverUrl()}/api/lab/runs/${run.id}/report?lang=${i18n().lang}`;
    const link = h("a", { class: "button", href }, t("lab.open-report"));
    link.target = "_blank";
    link.rel = "noopener";
    render(
      result,
      h("h3", {}, t("lab.checks")),
      h(
        "ul",
        { class: "plain" },
        report.checks.map((c) =>
          h(
            "li",
            { "data-check": c.id, "data-status": c.status },
            h("strong", {}, statusWord(c.status)),
            " ",
            checkTitle(i18n(), c.id, c.title),
          ),
        ),
      ),
      h("div", { class: "row" }, link, h("a", { href: `/lab/${run.scenarioId}` }, t("studio-try.lab-page"))),
    );
  };
  const follow = async (run: LabRunStatus): Promise<void> => {
    bar.hidden = false;
    bar.max = run.total;
    bar.value = run.done;
    status.textContent =
      run.status === "done"
        ? t("lab.done", { games: run.total })
        : t("lab.played", { done: run.done, games: run.total });
    if (run.status !== "running") return showChecks(run);
    timer = setTimeout(() => {
      call<LabRunStatus>("GET", `/lab/runs/${run.id}`)
        .then(follow)
        .catch((err: unknown) => {
          error.textContent = httpRefusalText(err);
          check.disabled = false;
        });
    }, 400);
  };

  check.addEventListener("click", async () => {
    const id = savedId();
    if (!id) return;
    check.disabled = true;
    render(result);
    try {
      const body = { scenarioId: id, games: CHECK_GAMES, seed: "studio" };
      await follow(await call<LabRunStatus>("POST", "/lab/runs", body, bearer(ctx)));
    } catch (err) {
      error.textContent = httpRefusalText(err);
      check.disabled = false;
    }
  });

  const el = h(
    "section",
    { class: "studio-try", "aria-label": t("studio-try.title") },
    h("h2", {}, t("studio-try.title")),
    notice,
    h("p", { class: "dim" }, t("studio-try.play-hint")),
    play,
    h("p", { class: "dim" }, t("studio-try.check-hint", { games: CHECK_GAMES })),
    check,
    bar,
    status,
    error,
    result,
  );
  notice.hidden = ctx.saved() !== null;
  // the notice follows the draft's saved state whenever the designer comes near the panel
  el.addEventListener("pointerenter", () => (notice.hidden = ctx.saved() !== null));
  return el;
};
