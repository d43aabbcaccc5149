// Playing lab games: a job is a scenario, profiles, games per profile and a
// base seed, and the profiles also played with trust off and with standing off
// (the ablation). Each (profile, ablation) pair is an arm; game number g
// (0 ≤ g < arms × games) is arm ⌊g / games⌋ with seed `${seed}:${g mod games}`,
// so every arm plays the same seeds.
// A slice [from, to) of the numbers can be played anywhere (a worker thread):
// the games depend only on their number, never on who plays them.
import { ENGINE_VERSION, type Scenario } from "../engine/index.ts";
import { playGame } from "../bots/index.ts";
import { ABLATION_PROFILES, profileById, seatsFor } from "./profiles.ts";
import { summarizeGame } from "./summary.ts";
import { midpointOf, profileStats, scheduledOf, sortSummaries, score } from "./aggregate.ts";
import { splitVariance } from "./variance.ts";
import { runChecks } from "./checks.ts";
import { ablationLines, applySeedShares, deliberateVarianceOf } from "./measures.ts";
import type { Ablation, GameSummary, LabReport } from "./types.ts";

export interface LabJob {
  scenario: Scenario;
  profiles: string[];
  games: number;
  seed: string;
  /** profiles (among `profiles`) also played with trust off and with standing off; none when absent */
  ablation?: string[];
}

/** The parts of the model the ablation switches off, one at a time, in this order. */
export const ABLATIONS: readonly Ablation[] = ["trust", "standing"];

/** One way of playing: a profile, with the whole model or with a part switched off. */
export interface Arm {
  profile: string;
  ablate: Ablation | null;
}

/** Every arm of a job: each profile with the whole model, then each ablation profile without trust, then without standing. */
export function armsOf(job: Pick<LabJob, "profiles" | "ablation">): Arm[] {
  const full = job.profiles.map((profile) => ({ profile, ablate: null }));
  const off = ABLATIONS.flatMap((ablate) => (job.ablation ?? []).map((profile) => ({ profile, ablate })));
  return [...full, ...off];
}

/** The default ablation profiles for a list of profiles: those of ABLATION_PROFILES it plays. */
export function defaultAblation(profiles: readonly string[]): string[] {
  return ABLATION_PROFILES.filter((p) => profiles.includes(p));
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
  const ablation = job.ablation ?? [];
  for (const p of ablation) {
    profileById(p);
    if (!job.profiles.includes(p))
      throw new Error(
        `ablation: "${p}" is compared with itself under the whole model, so it must be among the profiles too`,
      );
  }
  if (new Set(ablation).size !== ablation.length) throw new Error("ablation: a profile is named twice");
}

/** How many games a job plays in all. */
export function totalGames(job: LabJob): number {
  return armsOf(job).length * job.games;
}

/** The game seed of game number `index` within its profile. */
export function gameSeed(base: string, index: number): string {
  return `${base}:${index}`;
}

/** Plays games [from, to) of a job; `progress(done)` after each game. */
export function playSlice(job: LabJob, from: number, to: number, progress?: (done: number) => void): GameSummary[] {
  const out: GameSummary[] = [];
  const arms = armsOf(job);
  for (let g = from; g < to; g++) {
    const arm = arms[Math.floor(g / job.games)]!;
    const profile = profileById(arm.profile);
    const index = g % job.games;
    const seats = seatsFor(job.scenario, profile, index);
    const opts = arm.ablate ? { ablate: [arm.ablate] } : {};
    const game = summarizeGame(profile.id, index, playGame(job.scenario, gameSeed(job.seed, index), seats, opts));
    out.push(arm.ablate ? { ...game, ablate: arm.ablate } : game);
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
  const arms = armsOf(job);
  const sorted = sortSummaries(summaries, arms);
  const games = sorted.slice(0, job.profiles.length * job.games);
  const stats = applySeedShares(
    job.profiles.map((id, p) => profileStats(sc, profileById(id), games.slice(p * job.games, (p + 1) * job.games))),
    games,
  );
  const ablation = ablationLines(sorted.slice(games.length), arms.slice(job.profiles.length), job.games, stats);
  const variance = [
    splitVariance(games, job.profiles, job.games, "score", (g) => score(g.outcome)),
    splitVariance(games, job.profiles, job.games, "final escalation", (g) => g.final),
  ];
  const rungFrom = new Map(sc.ladder.rungs.map((r) => [r.id, r.from]));
  return {
    format: 2,
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
      scheduled: scheduledOf(sc),
      midpoint: midpointOf(sc.turns),
    },
    seed: job.seed,
    gamesPerProfile: job.games,
    profiles: stats,
    variance,
    deliberateVariance: deliberateVarianceOf(games),
    ablation,
    checks: runChecks({ stats, games, variance, start: sc.ladder.start, midpoint: midpointOf(sc.turns), ablation }),
  };
}

/** Plays a whole job in this thread (tests, small runs). */
export function runLab(job: LabJob, progress?: (done: number) => void): LabReport {
  checkJob(job);
  return buildReport(job, playSlice(job, 0, totalGames(job), progress));
}
