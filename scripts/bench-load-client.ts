// The load of `npm run bench:load`, in its own process: real @colyseus/sdk
// clients, eight per exercise, each sending a command every 5–10 s, a burst
// after every phase change, and a ping every 3 s as the browser does. Reports
// what it measured as one JSON line on stdout. Started by scripts/bench-load.ts.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import type { CommandInput } from "../shared/protocol/commands.ts";

const { values: opts } = parseArgs({
  options: {
    url: { type: "string" },
    exercises: { type: "string", default: "10" },
    scenario: { type: "string", default: "grid-intrusion" },
    warmup: { type: "string", default: "10" },
    seconds: { type: "string", default: "60" },
    "phase-every": { type: "string", default: "30" },
    "join-at-once": { type: "string", default: "25" },
  },
});
const URL_ = opts.url!;
const EXERCISES = Number(opts.exercises);
const WARMUP_MS = Number(opts.warmup) * 1000;
const MEASURE_MS = Number(opts.seconds) * 1000;
const PHASE_EVERY_MS = Number(opts["phase-every"]) * 1000;

/** The orchestrator's go-ahead (a line on stdin), after it has taken the server's measure. */
const lines: string[] = [];
let waiting: (() => void) | null = null;
process.stdin.setEncoding("utf8");
process.stdin.on("data", (d: string) => {
  lines.push(...d.split("\n").filter(Boolean));
  waiting?.();
});
async function goAhead(): Promise<void> {
  while (lines.length === 0) await new Promise<void>((r) => (waiting = r));
  lines.shift();
}

/** What the orchestrator reads: progress lines, then the result. */
function say(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

interface Seat {
  code: string;
  role: "facilitator" | "team" | "mediator" | "observer";
  teamId?: string;
  /** the team the mediator writes to, or the other team */
  other?: string;
}

interface Bot {
  seat: Seat;
  room: Room;
  phase: string;
  n: number;
}

const measure = { on: false, latencies: [] as number[], accepted: 0, refused: 0, busy: 0, failed: 0, bytes: 0 };
const refusals = new Map<string, number>();
const rand = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${URL_}/api${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

type Codes = { facilitator: string; observer: string; mediator?: string; teams: Record<string, string> };

/** The eight seats of one exercise: control, two people in each of two teams, the mediator, two observers. */
function seatsOf(codes: Codes): Seat[] {
  const [a, b] = Object.keys(codes.teams) as [string, string];
  const team = (teamId: string, other: string): Seat => ({ code: codes.teams[teamId]!, role: "team", teamId, other });
  const seats: Seat[] = [
    { code: codes.facilitator, role: "facilitator" },
    team(a, b),
    team(a, b),
    team(b, a),
    team(b, a),
  ];
  seats.push(codes.mediator ? { code: codes.mediator, role: "mediator", other: a } : team(a, b));
  seats.push({ code: codes.observer, role: "observer" }, { code: codes.observer, role: "observer" });
  return seats;
}

/** A plausible command for a seat; control's turn to advance is separate. */
function commandFor(bot: Bot): CommandInput {
  const text = `load ${bot.n++} from ${bot.seat.role}`;
  switch (bot.seat.role) {
    case "team":
      return bot.n % 3 === 0 && bot.phase === "deliberation"
        ? { type: "hotline.send", to: bot.seat.other!, kind: "assess", text }
        : { type: "team.chat", text };
    case "mediator":
      return { type: "hotline.send", to: bot.seat.other!, kind: "assess", text };
    default:
      return { type: "note.add", text };
  }
}

async function send(bot: Bot, cmd: CommandInput): Promise<void> {
  const t0 = performance.now();
  const counted = measure.on;
  try {
    await bot.room.request("command", cmd, { timeout: 30_000 });
    if (counted) measure.accepted++;
  } catch (err) {
    const e = err as { name?: string; reason?: { code?: string } };
    if (!counted) return;
    if (e.name !== "rejected") measure.failed++;
    else {
      measure.refused++;
      const code = e.reason?.code ?? "?";
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
      if (code === "busy") measure.busy++;
    }
  }
  if (counted) measure.latencies.push(performance.now() - t0);
}

async function join(seat: Seat, roomId: string, timers: NodeJS.Timeout[]): Promise<Bot> {
  const sdk = new Client(URL_);
  const room = await sdk.joinById(roomId, { code: seat.code, name: `${seat.role} bot` });
  const bot: Bot = { seat, room, phase: "", n: 0 };
  const ws = (room.connection.transport as unknown as { ws: EventTarget }).ws;
  ws.addEventListener("message", (e) => {
    if (measure.on) measure.bytes += ((e as MessageEvent).data as ArrayBuffer).byteLength ?? 0;
  });
  room.onMessage("*", (type, message) => {
    const view = (message as { view?: { exercise?: { phase?: { id: string } } } }).view;
    const ops = (message as { ops?: { path: (string | number)[]; value?: unknown }[] }).ops;
    let phase = type === "snapshot" ? view?.exercise?.phase?.id : undefined;
    for (const op of ops ?? []) {
      const path = op.path.join("/");
      if (path === "exercise/phase") phase = (op.value as { id?: string } | null)?.id;
      if (path === "exercise/phase/id") phase = op.value as string;
    }
    if (phase && bot.phase && phase !== bot.phase && seat.role !== "facilitator")
      setTimeout(() => void send(bot, commandFor(bot)), rand(0, 500)); // a burst after each phase change
    if (phase) bot.phase = phase;
  });
  const tick = () => {
    void send(bot, commandFor(bot));
    timers.push(setTimeout(tick, rand(5000, 10_000)));
  };
  if (seat.role !== "facilitator") timers.push(setTimeout(tick, rand(0, 10_000)));
  timers.push(setInterval(() => void room.request("ping").catch(() => {}), 3000));
  return bot;
}

async function main(): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const exercises: { roomId: string; codes: Codes }[] = [];
  for (let i = 0; i < EXERCISES; i++) {
    const r = await post("/exercises", { scenarioId: opts.scenario, seed: `load-${i}` });
    if (r.status !== 201) throw new Error(`creating exercise ${i}: ${r.status} ${JSON.stringify(r.body)}`);
    exercises.push(r.body as { roomId: string; codes: Codes });
  }
  // control first in every exercise (one room each), then everyone else, a few at a time
  const controls: Bot[] = [];
  for (const ex of exercises) controls.push(await join(seatsOf(ex.codes)[0]!, ex.roomId, timers));
  say({ stage: "rooms", rooms: controls.length });
  await goAhead();
  const rest = exercises.flatMap((ex) =>
    seatsOf(ex.codes)
      .slice(1)
      .map((seat) => ({ seat, roomId: ex.roomId })),
  );
  const bots: Bot[] = [...controls];
  for (let i = 0; i < rest.length; i += Number(opts["join-at-once"])) {
    const batch = rest.slice(i, i + Number(opts["join-at-once"]));
    bots.push(...(await Promise.all(batch.map((j) => join(j.seat, j.roomId, timers)))));
  }
  say({ stage: "joined", connections: bots.length });
  await goAhead();
  for (const c of controls) await send(c, { type: "exercise.start" });
  // control advances each exercise every PHASE_EVERY_MS, spread out
  for (const c of controls) {
    const advance = () => {
      void send(c, { type: "phase.advance" });
      timers.push(setTimeout(advance, PHASE_EVERY_MS));
    };
    timers.push(setTimeout(advance, rand(1000, PHASE_EVERY_MS)));
  }
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  say({ stage: "measuring" });
  await goAhead();
  measure.on = true;
  const t0 = performance.now();
  const elu0 = performance.eventLoopUtilization();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  measure.on = false;
  // the clients' own load: near 1, their process delays what they measure
  const clientElu = performance.eventLoopUtilization(elu0).utilization;
  const elapsed = (performance.now() - t0) / 1000;
  for (const t of timers) clearTimeout(t);
  const lat = measure.latencies.sort((a, b) => a - b);
  const q = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! : NaN);
  const commands = measure.accepted + measure.refused;
  say({
    stage: "result",
    connections: bots.length,
    seconds: elapsed,
    commands,
    accepted: measure.accepted,
    refused: measure.refused,
    busy: measure.busy,
    failed: measure.failed,
    refusals: Object.fromEntries(refusals),
    p50: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: lat.at(-1) ?? NaN,
    commandsPerSecond: commands / elapsed,
    clientElu,
    // a client hears of its own exercise's commands: bytes per client per command of its exercise
    bytesPerClientPerCommand: measure.accepted ? (measure.bytes * EXERCISES) / bots.length / measure.accepted : NaN,
  });
  for (const b of bots) b.room.reconnection.enabled = false;
  await Promise.all(bots.map((b) => b.room.leave().catch(() => {})));
  process.exit(0);
}

main().catch((err) => {
  say({ stage: "error", message: (err as Error).message });
  process.exit(1);
});
