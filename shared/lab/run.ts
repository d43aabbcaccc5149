// Playing lab games: a job is a scenario, profiles, games per profile and a
// base seed; game number g (0 ≤ g < profiles × games) is profile ⌊g / games⌋
// with seed `${seed}:${g mod games}`, so every profile plays the same seeds.
// A slice [from, to) of the numbers can be played anywhere (a worker thread):
// the games depend only on their number, never on who plays them.
import { ENGINE_VERSION, type Scenario } from "../engine/index.ts";
import { playGame } from "../bots/index.ts";
import { profileById, seatsFor } from "./profiles.ts";
import { summarizeGame } from "./summary.ts";
import { profileStats, sortSummaries, score } from "./aggregate.ts";
import { splitVariance } from "./variance.ts";
import { runChecks } from "./checks.ts";
import type { GameSummary, LabReport } from "./types.ts";

export interface LabJob {
  scenario: Scenario;
  profiles: string[];
  games: number;
  seed: string;
}

/** The most games per profile a lab run may ask for (the command line; the server caps lower). */
export const MAX_GAMES = 100_000;

/** Checks a job's numbers and profiles; throws an error naming what is wrong. */
export function checkJob(job: LabJob): void {
  if (!Number.isInteger(job.games) || job.games < 1 || job.games > MAX_GAMES)
    throw new Error(`games: give a whole number from 1 to ${MAX_GAMES} (got ${job.games})`);
  if (!job.profiles.length) throw new Error("profiles: name at least one profile");
  for (const p of job.profiles) profileById(p);
  if (new Set(job.profiles).size !== job.profiles.length) throw new Error("profiles: a profile is named twice");
}

/** How many games a job plays in all. */
export function totalGames(job: LabJob): number {
  return job.profiles.length * job.games;
}

/** The game seed of game number `index` within its profile. */
export function gameSeed(base: string, index: number): string {
  return `${base}:${index}`;
}

/** Plays games [from, to) of a job; `progress(done)` after each game. */
export function playSlice(job: LabJob, from: number, to: number, progress?: (done: number) => void): GameSummary[] {
  const out: GameSummary[] = [];
  for (let g = from; g < to; g++) {
    const profile = profileById(job.profiles[Math.floor(g / job.games)]!);
    const index = g % job.games;
    const seats = seatsFor(job.scenario, profile, index);
    out.push(summarizeGame(profile.id, index, playGame(job.scenario, gameSeed(job.seed, index), seats)));
    progress?.(out.length);
  }
  return out;
}

/** Cuts a job's game numbers into `parts` contiguous slices of near-equal size. */
export function slices(job: LabJob, parts: number): [number, number][] {
  const total = totalGames(job);
  const k = Math.max(1, Math.min(parts, total));
  return Array.from({ length: k }, (_, i) => [Math.floor((total * i) / k), Math.floor((total * (i + 1)) / k)]);
}

/** The report of a job from all its games, whatever order they came in. */
export function buildReport(job: LabJob, summaries: GameSummary[]): LabReport {
  if (summaries.length !== totalGames(job))
    throw new Error(`the lab expected ${totalGames(job)} games and got ${summaries.length}`);
  const sc = job.scenario;
  const games = sortSummaries(summaries, job.profiles);
  const stats = job.profiles.map((id, p) =>
    profileStats(sc, profileById(id), games.slice(p * job.games, (p + 1) * job.games)),
  );
  const variance = [
    splitVariance(games, job.profiles, job.games, "score", (g) => score(g.outcome)),
    splitVariance(games, job.profiles, job.games, "final escalation", (g) => g.final),
  ];
  const rungFrom = new Map(sc.ladder.rungs.map((r) => [r.id, r.from]));
  return {
    format: 1,
    engineVersion: ENGINE_VERSION,
    scenario: {
      id: sc.id,
      title: sc.title,
      turns: sc.turns,
      teams: sc.teams.map((t) => t.name),
      mediator: sc.mediator !== undefined,
      start: sc.ladder.start,
      rungs: sc.ladder.rungs.map((r) => ({ name: r.name, from: r.from })),
      redLines: sc.ladder.redLines.map((l) => ({ name: l.name, from: rungFrom.get(l.rung) ?? 100 })),
      injects: sc.injects.map((i) => ({ id: i.id, title: i.title })),
    },
    seed: job.seed,
    gamesPerProfile: job.games,
    profiles: stats,
    variance,
    checks: runChecks({ stats, games, variance, start: sc.ladder.start }),
  };
}

/** Plays a whole job in this thread (tests, small runs). */
export function runLab(job: LabJob, progress?: (done: number) => void): LabReport {
  checkJob(job);
  return buildReport(job, playSlice(job, 0, totalGames(job), progress));
}
