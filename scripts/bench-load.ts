// Load benchmark: a real server and, in a separate process (pinned to another
// core with taskset where it exists), real @colyseus/sdk clients, eight per
// exercise (see bench-load-client.ts). Steps through numbers of exercises and
// prints command-to-acknowledgement latency, commands per second, the server's
// event-loop utilisation, bytes each client receives per command, and memory
// per exercise and per connection: min / median / max over repeats.
//   npm run bench:load -- [--steps 10,50,100,250] [--repeats 3] [--seconds 60] [--warmup 15]
//     [--phase-every 30] [--scenario grid-intrusion]
// A short run: npm run bench:load -- --steps 10 --repeats 1 --seconds 10 --warmup 5
// Several processes: --cluster 3 (PostgreSQL, Redis and nginx on loopback; --cluster 1 for the same with one process):
// the same load through the proxy, the servers' figures read from their /metrics (scripts/bench-load-cluster.ts).
// The server's guard limits are raised for the run through its environment
// (CREATE_PER_MINUTE, WRONG_CODES_PER_MINUTE, MAX_LIVE_EXERCISES); their defaults stay as they are.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { commitP99, startBenchCluster, type ClusterSample } from "./bench-load-cluster.ts";

const { values: opts } = parseArgs({
  options: {
    steps: { type: "string", default: "10,50,100,250" },
    repeats: { type: "string", default: "3" },
    seconds: { type: "string", default: "60" },
    warmup: { type: "string", default: "15" },
    "phase-every": { type: "string", default: "30" },
    scenario: { type: "string", default: "grid-intrusion" },
    cluster: { type: "string", default: "0" },
  },
});
const CLUSTER = Number(opts.cluster);
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const pinned = spawnSync("taskset", ["-c", "0", "true"]).status === 0;

interface Metrics {
  idle: number;
  active: number;
  memory: NodeJS.MemoryUsage;
  exercises: number;
  /** the groups committed since the last reset: how long each took to become durable, and its size */
  commits: { groups: number; rowsPerGroup: number; p50: number; p99: number; max: number };
}

/** Starts a command, pinned to `core` when taskset exists. */
function launch(core: number, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  return pinned
    ? spawn("taskset", ["-c", String(core), process.execPath, ...args], options)
    : spawn(process.execPath, args, options);
}

async function startServer(
  dir: string,
): Promise<{ child: ChildProcess; port: number; metrics: (gc: boolean, reset?: boolean) => Promise<Metrics> }> {
  const child = launch(0, ["--expose-gc", here("./bench-load-server.ts")], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      CLIENT_DIR: join(dir, "no-client"),
      CREATE_PER_MINUTE: "10000",
      WRONG_CODES_PER_MINUTE: "10000",
      MAX_LIVE_EXERCISES: "100000",
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    // Colyseus sends its own "ready" over IPC too: only ours has a kind
    const ready = (m: { kind?: string; port: number }) => {
      if (m?.kind !== "ready") return;
      child.off("message", ready);
      resolve(m.port);
    };
    child.on("message", ready);
    child.once("exit", (code) => reject(new Error(`the server stopped (exit code ${code})`)));
  });
  const metrics = (gc: boolean, reset = false) =>
    new Promise<Metrics>((resolve) => {
      const answer = (m: Metrics & { kind?: string }) => {
        if (m?.kind !== "metrics") return;
        child.off("message", answer);
        resolve(m);
      };
      child.on("message", answer);
      child.send({ kind: "metrics", gc, reset });
    });
  return { child, port, metrics };
}

interface Result {
  p50: number;
  p95: number;
  p99: number;
  commandsPerSecond: number;
  elu: number;
  bytesPerClientPerCommand: number;
  kibPerExercise: number;
  kibPerConnection: number;
  clientElu: number;
  commitP50: number;
  commitP99: number;
  rowsPerGroup: number;
  busy: number;
  failed: number;
  /** refused by the rules (e.g. the hotline outside deliberation): answered like every other */
  refusedShare: number;
  connections: number;
}

async function runOnce(exercises: number): Promise<Result> {
  if (CLUSTER > 0) return runCluster(exercises);
  const dir = mkdtempSync(join(tmpdir(), "deconflict-bench-load-"));
  const server = await startServer(dir);
  const m0 = await server.metrics(true);
  const client = launch(
    1,
    [here("./bench-load-client.ts"), ...clientArgs(`http://127.0.0.1:${server.port}`, exercises)],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let m1: Metrics | undefined;
  let m2: Metrics | undefined;
  let e0: Metrics | undefined;
  let result: Record<string, number> | undefined;
  for await (const line of createInterface({ input: client.stdout! })) {
    const m = JSON.parse(line) as { stage: string; message?: string } & Record<string, number>;
    if (m.stage === "rooms") m1 = await server.metrics(true);
    if (m.stage === "joined") m2 = await server.metrics(true);
    if (m.stage === "measuring") e0 = await server.metrics(false, true);
    if (["rooms", "joined", "measuring"].includes(m.stage)) client.stdin!.write("go\n");
    if (m.stage === "result") result = m;
    if (m.stage === "error") throw new Error(`the clients failed: ${m.message}`);
  }
  const e1 = await server.metrics(false);
  server.child.send({ kind: "stop" });
  await new Promise((r) => server.child.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
  if (!result || !m1 || !m2 || !e0) throw new Error("the clients stopped before reporting");
  const perConnection = (m2.memory.heapUsed - m1.memory.heapUsed) / (result.connections! - exercises);
  const perExercise = (m1.memory.heapUsed - m0.memory.heapUsed) / exercises - perConnection;
  return {
    ...clientFigures(result),
    elu: (e1.active - e0.active) / (e1.active + e1.idle - e0.active - e0.idle),
    kibPerExercise: perExercise / 1024,
    kibPerConnection: perConnection / 1024,
    commitP50: e1.commits.p50,
    commitP99: e1.commits.p99,
    rowsPerGroup: e1.commits.rowsPerGroup,
  };
}

function clientArgs(url: string, exercises: number): string[] {
  return [
    `--url=${url}`,
    `--exercises=${exercises}`,
    `--scenario=${opts.scenario}`,
    `--warmup=${opts.warmup}`,
    `--seconds=${opts.seconds}`,
    `--phase-every=${opts["phase-every"]}`,
  ];
}

/** What the clients measured themselves. */
function clientFigures(result: Record<string, number>) {
  return {
    p50: result.p50!,
    p95: result.p95!,
    p99: result.p99!,
    commandsPerSecond: result.commandsPerSecond!,
    bytesPerClientPerCommand: result.bytesPerClientPerCommand!,
    clientElu: result.clientElu!,
    busy: result.busy!,
    failed: result.failed!,
    refusedShare: result.refused! / result.commands!,
    connections: result.connections!,
  };
}

/** The same clients against a cluster; CPU stands for the event loop (several processes, cores shared). */
async function runCluster(exercises: number): Promise<Result> {
  const cluster = await startBenchCluster(CLUSTER);
  try {
    const client = spawn(process.execPath, [here("./bench-load-client.ts"), ...clientArgs(cluster.url, exercises)], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let m1 = false;
    let m2 = false;
    let e0: ClusterSample | undefined;
    let t0 = 0;
    let result: Record<string, number> | undefined;
    for await (const line of createInterface({ input: client.stdout! })) {
      const m = JSON.parse(line) as { stage: string; message?: string } & Record<string, number>;
      if (m.stage === "rooms") m1 = true;
      if (m.stage === "joined") m2 = true;
      if (m.stage === "measuring") [e0, t0] = [await cluster.sample(), performance.now()];
      if (["rooms", "joined", "measuring"].includes(m.stage)) client.stdin!.write("go\n");
      if (m.stage === "result") result = m;
      if (m.stage === "error") throw new Error(`the clients failed: ${m.message}`);
    }
    const e1 = await cluster.sample();
    const wall = (performance.now() - t0) / 1000;
    if (!result || !m1 || !m2 || !e0) throw new Error("the clients stopped before reporting");
    const groups = e1.groups - e0.groups;
    return {
      ...clientFigures(result),
      elu: (e1.cpuSeconds - e0.cpuSeconds) / wall,
      // heaps read without a forced collection in other processes: not comparable, so not given
      kibPerExercise: NaN,
      kibPerConnection: NaN,
      commitP50: ((e1.groupSeconds - e0.groupSeconds) / groups) * 1000,
      // a histogram's bound (2.5, 5, 10, 25 … ms), not an exact figure
      commitP99: commitP99(e0, e1),
      rowsPerGroup: (e1.storedCommands - e0.storedCommands) / groups,
    };
  } finally {
    await cluster.stop();
  }
}

const spread = (xs: number[], digits = 1) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(digits);
  return s.length === 1 ? f(s[0]!) : `${f(s[0]!)} / ${f(s[Math.floor((s.length - 1) / 2)]!)} / ${f(s.at(-1)!)}`;
};

console.log(
  `bench:load — ${opts.scenario}, 8 clients per exercise, ${opts.seconds} s measured after ${opts.warmup} s, ` +
    `phases advanced every ${opts["phase-every"]} s; ` +
    (CLUSTER
      ? `${CLUSTER} process${CLUSTER === 1 ? "" : "es"} on PostgreSQL and Redis behind nginx, not pinned`
      : pinned
        ? "server on core 0, clients on core 1 (taskset)"
        : "no taskset: not pinned"),
);
console.log("figures: min / median / max over repeats");
for (const step of opts.steps.split(",").map(Number)) {
  const runs: Result[] = [];
  for (let r = 0; r < Number(opts.repeats); r++) runs.push(await runOnce(step));
  const col = (k: keyof Result, digits = 1) =>
    spread(
      runs.map((x) => x[k]),
      digits,
    );
  console.log(`\n${step} exercises, ${runs[0]!.connections} connections`);
  console.log(`  ack latency ms   p50 ${col("p50")}   p95 ${col("p95")}   p99 ${col("p99")}`);
  console.log(
    `  commands/s       ${col("commandsPerSecond")}   busy refusals ${col("busy", 0)}   failed ${col("failed", 0)}` +
      `   refused by the rules ${col("refusedShare", 2)}`,
  );
  const load = CLUSTER ? "servers' CPU, cores" : "event-loop util  server";
  console.log(`  ${load} ${col("elu", 2)}   clients' process ${col("clientElu", 2)}`);
  console.log(
    `  group commit ms  ${CLUSTER ? "mean" : "p50"} ${col("commitP50")}   p99 ${CLUSTER ? "≤ " : ""}${col("commitP99")}   ` +
      `commands per group ${col("rowsPerGroup", 2)}`,
  );
  console.log(`  bytes per client per command  ${col("bytesPerClientPerCommand", 0)}`);
  console.log(`  memory KiB       per exercise ${col("kibPerExercise")}   per connection ${col("kibPerConnection")}`);
}
