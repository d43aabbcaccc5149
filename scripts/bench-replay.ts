// Engine benchmark: builds a long recording of random accepted commands, then
// times what the replay viewer and the live server do with it: folding with
// step (in place), the viewer's checkpoints and seeks, views, the pure door
// (apply), and publishing (the server's incremental patches, per command, early
// and late in the exercise). Figures only, no asserts.
//   npx node --expose-gc scripts/bench-replay.ts [--commands 10000] [--seed bench] [--runs 5] [--budget 30] [--points 20]
// Each figure is repeated up to --runs times, but stops repeating once it has
// used --budget seconds (a slow figure may get a single run: see "runs").
import os from "node:os";
import { parseArgs } from "node:util";
import seedrandom from "seedrandom";
import {
  apply,
  cloneState,
  continueSteps,
  init,
  replay,
  setEngineFreeze,
  step,
  view,
  ENGINE_VERSION,
  type ReplayInput,
  type Viewer,
} from "../shared/engine/index.ts";
import { Timeline } from "../client/replay/timeline.ts";
import { Publisher, type Recipient } from "../server/room/publisher.ts";
import { groupKey, type Seat } from "../shared/protocol/identity.ts";
import { command } from "../shared/protocol/commands.ts";
import { buildRecording, loadRecording } from "../shared/protocol/integrity.ts";
import type { StoredCommand } from "../shared/protocol/recording.ts";
import { parseScenario } from "../shared/scenario/parse.ts";
import { randomSource, randomStep } from "../test/helpers/random-commands.ts";
import { rawScenario } from "../test/helpers/scenarios.ts";

const { values: opts } = parseArgs({
  options: {
    commands: { type: "string", default: "10000" },
    seed: { type: "string", default: "bench" },
    runs: { type: "string", default: "5" },
    budget: { type: "string", default: "30" },
    points: { type: "string", default: "20" },
    // apply's results are frozen in development and tests, not in production (npm start, the built client)
    freeze: { type: "boolean", default: false },
  },
});
setEngineFreeze(opts.freeze);
const N = Number(opts.commands);
const SEED = opts.seed;
const RUNS = Number(opts.runs);
const BUDGET_MS = Number(opts.budget) * 1000;
const POINTS = Number(opts.points);
const SCRUBS = 200;
if (![N, RUNS, POINTS].every((x) => Number.isInteger(x) && x > 0) || !(BUDGET_MS >= 0))
  throw new Error("--commands, --runs and --points take a positive whole number, --budget a number of seconds");

// ---- 1. The recording ------------------------------------------------------
// A random exercise ends long before 10,000 commands (turns run out, escalation
// hits the top rung, or the parties conclude the agreement), and an ended
// exercise takes no more commands. So it is made long by construction:
//  - a copy of civilian-shield (4 states + mediator) with `turns` raised from 6
//    to 50 (the schema's maximum), validated with parseScenario;
//  - phase advances are rationed so the 250 phases are spread evenly over the
//    N commands (a phase.advance is only tried once its share is due);
//  - any command that would END the exercise is taken back before it is
//    recorded (step changes the state in place, so the state is rebuilt from a
//    copy kept every 200 commands; exercise.end, which always ends it, is not tried).
// Everything else comes from randomStep unchanged, and only accepted commands
// are recorded, with increasing timestamps.
const raw = { ...rawScenario("civilian-shield"), turns: 50 };
const parsed = parseScenario(raw);
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
const scenario = parsed.scenario;
const phasesTotal = scenario.turns * scenario.phases.length;

const t0 = performance.now();
const { rng, pick } = randomSource(SEED);
let state = init(scenario, { seed: SEED });
const commands: StoredCommand[] = [];
let saved = { state: cloneState(state), length: 0 };
let at = 1_700_000_000_000;
let tried = 0;
let advances = 0;
while (commands.length < N) {
  if (++tried > N * 200) throw new Error(`only ${commands.length} commands accepted after ${tried - 1} tries`);
  const next = randomStep(state, pick, rng);
  const cmd = command.safeParse(next.command);
  if (!cmd.success) continue;
  if (cmd.data.type === "phase.advance" && commands.length < ((advances + 1) * N) / phasesTotal) continue;
  at += 1 + Math.floor(rng() * 60_000);
  if (cmd.data.type === "exercise.end") continue;
  const turn = state.turn;
  const phase = state.scenario.phases[state.phaseIndex]?.id ?? "";
  const r = step(state, { at, actor: next.actor, command: cmd.data });
  if (!r.ok) continue;
  if (state.status === "ended") {
    // taken back: the state as it was, from the last copy and the commands since
    state = cloneState(saved.state);
    for (const _ of continueSteps(state, commands, saved.length));
    continue;
  }
  if (cmd.data.type === "phase.advance") advances++;
  commands.push({ seq: r.seq, at, actor: next.actor, turn, phase, command: cmd.data });
  if (commands.length % 200 === 0) saved = { state: cloneState(state), length: commands.length };
}
const final = state;
const buildMs = performance.now() - t0;
const header = {
  engineVersion: ENGINE_VERSION,
  exerciseId: "bench",
  title: final.title,
  createdAt: commands[0]?.at ?? 0,
  seed: SEED,
  scenario: raw,
};
const file = JSON.stringify(buildRecording(header, commands));
const input: ReplayInput = { scenario, seed: SEED, title: final.title, commands };

// ---- 2. Measurements --------------------------------------------------------
const gc = globalThis.gc;
const time = (f: () => void): number => {
  const s = performance.now();
  f();
  return performance.now() - s;
};
const median = (xs: readonly number[]): number => {
  const a = [...xs].sort((x, y) => x - y);
  const m = a.length >> 1;
  return a.length % 2 ? a[m]! : (a[m - 1]! + a[m]!) / 2;
};
/** Up to RUNS results of f, fewer once they have taken BUDGET_MS in all. */
const repeat = <T>(f: () => T): T[] => {
  const out: T[] = [];
  for (let spent = 0; out.length < RUNS && (out.length === 0 || spent < BUDGET_MS);) {
    const s = performance.now();
    out.push(f());
    spent += performance.now() - s;
  }
  return out;
};
const runs = (f: () => void): number[] => repeat(() => time(f));
const rows: string[][] = [];
const row = (what: string, xs: readonly number[], note = "", unit = "ms", digits = 1) =>
  rows.push([
    what,
    `${Math.min(...xs).toFixed(digits)} ${unit}`,
    `${median(xs).toFixed(digits)} ${unit}`,
    String(xs.length),
    note,
  ]);

// (a) hash-chain verification (plus the JSON.parse a file read needs, shown apart)
row(
  "JSON.parse of the recording file",
  runs(() => JSON.parse(file)),
  `${(file.length / 1024 / 1024).toFixed(1)} MiB`,
);
const json: unknown = JSON.parse(file);
row(
  "loadRecording (zod + hash chain)",
  runs(() => {
    const r = loadRecording(json);
    if (!r.ok) throw new Error(r.error);
  }),
  `${N} commands`,
);

// (b) replay to the end: init, then step through every command in place
row(
  "replay to the end",
  runs(() => replay(input)),
  `${N} commands, step in place`,
);

// (c) replay from the start to a random point: mean over POINTS points from a fixed seed
const pointRng = seedrandom(`${SEED}/points`);
const points = Array.from({ length: POINTS }, () => 1 + Math.floor(pointRng() * N));
row(
  "replay from the start to a point (mean)",
  runs(() => points.forEach((k) => replay(input, k))).map((t) => t / POINTS),
  `mean of ${POINTS} points`,
);

// (d) the replay viewer: it folds once, keeping a copy every CHECKPOINT steps; then the heap those hold
const loadTimeline = async (): Promise<Timeline> => {
  const t = new Timeline(scenario, SEED, final.title, commands);
  await new Promise<void>((done) => t.onProgress((p) => p.done && done()));
  if (t.error) throw new Error(t.error);
  return t;
};
let timeline: Timeline | null = null;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const loads: number[] = [];
for (let spent = 0; loads.length < RUNS && (loads.length === 0 || spent < BUDGET_MS);) {
  timeline = null;
  const t = performance.now();
  timeline = await loadTimeline();
  const dt = performance.now() - t;
  loads.push(dt);
  spent += dt;
}
row("viewer: load (fold + checkpoints)", loads, `${N} commands, in chunks of 24 ms`);
// what the last timeline holds (the earlier ones are garbage by now)
gc?.();
const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const tl = timeline!;

// (e) the viewer seeks to a random point: a copy of the checkpoint before it, then at most 31 steps
const seekRng = seedrandom(`${SEED}/seek`);
const seeks = Array.from({ length: SCRUBS }, () => 1 + Math.floor(seekRng() * (N - 1)));
row(
  "viewer: seek to a random point",
  seeks.map((k) => time(() => tl.state(k))),
  `runs = ${SCRUBS} random points`,
  "ms",
  3,
);

// (f) a scrub: view(state at step i, viewer) for random i, per viewer
const viewers: Viewer[] = [
  { role: "facilitator" },
  { role: "observer" },
  { role: "mediator" },
  ...scenario.teams.map((t) => ({ role: "team" as const, teamId: t.id })),
];
const scrubRng = seedrandom(`${SEED}/scrub`);
for (const v of viewers) {
  const xs = Array.from({ length: SCRUBS }, () => {
    const s = tl.state(1 + Math.floor(scrubRng() * N));
    return time(() => view(s, v));
  });
  row(
    `scrub: view() as ${v.role === "team" ? `team ${v.teamId}` : v.role}`,
    xs,
    `runs = ${SCRUBS} random states`,
    "ms",
    3,
  );
}

// (g) step, per command: mean over all, and over the first and last tenth
const stepTimes = (): number[] => {
  const s = init(scenario, { seed: SEED, title: final.title });
  return commands.map((c) => {
    const t = performance.now();
    const r = step(s, { at: c.at, actor: c.actor, command: c.command });
    const dt = performance.now() - t;
    if (!r.ok) throw new Error(`command ${c.seq} refused on replay: ${r.error.message}`);
    return dt * 1000;
  });
};
const perRun = repeat(stepTimes);
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const tenth = Math.max(1, Math.floor(N / 10));
row("step, mean per command", perRun.map(mean), "", "µs");
row(
  "step, first 10% of commands",
  perRun.map((xs) => mean(xs.slice(0, tenth))),
  "",
  "µs",
);
row(
  "step, last 10% of commands",
  perRun.map((xs) => mean(xs.slice(-tenth))),
  "",
  "µs",
);
row(
  "commands folded per second",
  perRun.map((xs) => 1e6 / mean(xs)),
  "1 / mean step",
  "/s",
  0,
);

// (h) the pure door, apply (a deep copy, then step), on the last commands: what the slow door costs late
const LATE = Math.min(100, N);
const lateStart = replay(input, N - LATE);
row(
  `apply, last ${LATE} commands`,
  repeat(() => {
    let s = lateStart;
    const t = performance.now();
    for (const c of commands.slice(N - LATE)) {
      const r = apply(s, { at: c.at, actor: c.actor, command: c.command });
      if (!r.ok) throw new Error(`command ${c.seq} refused: ${r.error.message}`);
      s = r.state;
    }
    return ((performance.now() - t) * 1000) / LATE;
  }),
  "pure door: a deep copy per command",
  "µs",
);

// (i) publishing: the server's patches for a group of each kind (one member each), per command, over
// the first and the last 100 commands. observers.visibility (random play toggles it about once in 26
// commands, real exercises a handful of times) rebuilds the observers' whole view: shown apart.
const seats: Seat[] = viewers.map((v) => (v.role === "team" ? { role: "team", teamId: v.teamId } : { role: v.role }));
let sentBytes = 0;
const recipients: Recipient[] = seats.map((seat) => ({ seat, raw: (b) => (sentBytes += b.byteLength) }));
const groups = new Set(seats.map(groupKey));
const toggles = commands.flatMap((c, i) => (c.command.type === "observers.visibility" ? [i] : []));
const publishing = () => {
  const s = init(scenario, { seed: SEED, title: final.title });
  const publisher = new Publisher();
  for (const seat of seats) publisher.current(s, seat);
  const times: number[] = [];
  const bytes: number[] = [];
  for (const c of commands) {
    step(s, { at: c.at, actor: c.actor, command: c.command });
    sentBytes = 0;
    const t = performance.now();
    publisher.publish(s, groups, c.at)(() => recipients);
    times.push((performance.now() - t) * 1000);
    bytes.push(sentBytes);
  }
  const window = Math.min(100, N);
  const usual = (from: number, to: number) => times.slice(from, to).filter((_, i) => !toggles.includes(from + i));
  const others = bytes.filter((_, i) => !toggles.includes(i));
  return {
    early: mean(usual(0, window)),
    late: mean(usual(N - window, N)),
    toggle: mean(toggles.map((i) => times[i]!)),
    bytes: mean(others) / seats.length,
  };
};
const pubs = repeat(publishing);
const note = `${seats.length} groups, encoded; not observers.visibility`;
row(
  "publish, commands 1-100",
  pubs.map((p) => p.early),
  note,
  "µs",
);
row(
  `publish, commands ${N - 99}-${N}`,
  pubs.map((p) => p.late),
  note,
  "µs",
);
row(
  "publish, observers.visibility",
  pubs.map((p) => p.toggle),
  `${toggles.length} toggles: observers' whole view`,
  "µs",
);
row(
  "publish, bytes per group per command",
  pubs.map((p) => p.bytes),
  "mean; a silent group counts 0",
  "B",
  0,
);

// ---- 3. Report --------------------------------------------------------------
const cpus = os.cpus();
const counts = (xs: readonly unknown[]) => xs.length;
console.log(`Deconflict replay benchmark — engine ${ENGINE_VERSION}`);
console.log(
  `machine: ${cpus[0]?.model ?? "?"}, ${cpus.length} cores, ${os.platform()} ${os.arch()}, Node ${process.version}`,
);
console.log(
  `apply's states frozen: ${opts.freeze ? "yes (as in development and tests)" : "no (as in production; --freeze to compare)"}`,
);
console.log(
  `recording: civilian-shield with turns=50, seed "${SEED}", ${N} accepted commands of ${tried} tried (built in ${(buildMs / 1000).toFixed(1)} s)`,
);
console.log(
  `final state: turn ${final.turn}/${scenario.turns}, phase ${final.scenario.phases[final.phaseIndex]?.id}, ` +
    `status ${final.status}, escalation ${final.escalation}; ` +
    `injects ${counts(final.injects)}, log ${counts(final.log)}, messages ${counts(final.messages)}, ` +
    `chat ${counts(final.chat)}, incidents ${counts(final.incidents)}, proposals ${counts(final.proposals)}, ` +
    `notes ${counts(final.notes)}`,
);
console.log(
  `runs: up to ${RUNS} per figure, fewer once one has used ${BUDGET_MS / 1000} s (min / median over the runs)\n`,
);
const head = ["step", "min", "median", "runs", "note"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: readonly string[]) =>
  r
    .map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
    .join("  ")
    .trimEnd();
console.log(line(head));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
rows.forEach((r) => console.log(line(r)));
const memory = gc ? `${heapMiB.toFixed(1)} MiB` : "n/a — run with --expose-gc";
console.log(`\nmemory held by the replay viewer's timeline (${tl.total} states, checkpoints): ${memory}`);
console.log(
  `reproduce: npm run bench:replay -- --commands ${N} --seed ${SEED} --runs ${RUNS} ` +
    `--budget ${BUDGET_MS / 1000} --points ${POINTS}${opts.freeze ? " --freeze" : ""}`,
);
// the viewer schedules its chunks on a MessageChannel, which would keep the process alive
process.exit(0);
