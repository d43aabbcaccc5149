// Durable appends per second through the real path (LiveExercise.submit → group
// commit → SQLite with synchronous=FULL), with the writer thread or in-thread,
// on a quiet disk and on a disk kept busy by another process writing and fsyncing.
// Figures only, no asserts.
//   npm run bench:durable -- [--seconds 5] [--exercises 50] [--writer both|thread|inline] [--disk both|quiet|busy]
//     [--through both|engine|store] [--noise 2]
// "engine": each sender submits chat lines to its own exercise (validation, engine, group commit);
// "store": the same rows straight into Store.append, to see the storage alone and what it costs the event loop.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Catalogue } from "../server/catalogue.ts";
import { Hub } from "../server/hub.ts";
import { Store, type WriterMode } from "../server/store.ts";
import { setEngineFreeze } from "../shared/engine/index.ts";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    exercises: { type: "string", default: "50" },
    writer: { type: "string", default: "both" },
    disk: { type: "string", default: "both" },
    dir: { type: "string" },
    through: { type: "string", default: "both" },
    noise: { type: "string", default: "2" },
  },
});
setEngineFreeze(false);
const SECONDS = Number(opts.seconds);
const EXERCISES = Number(opts.exercises);
const writers: WriterMode[] = opts.writer === "both" ? ["thread", "inline"] : [opts.writer as WriterMode];
const disks = opts.disk === "both" ? ["quiet", "busy"] : [opts.disk!];
const paths = opts.through === "both" ? ["engine", "store"] : [opts.through!];
const ann = { role: "team", teamId: "borealis", name: "Ann" } as const;
const facilitator = { role: "facilitator", name: "Carla" } as const;

/** Other processes (--noise) writing 1 MB blocks and fsyncing each, in the same directory: a disk that is busy. */
function busyDisk(dir: string): ChildProcess[] {
  const script = `
    const fs = require("node:fs");
    const fd = fs.openSync(process.argv[1], "w");
    const block = Buffer.alloc(1 << 20, 7);
    let n = 0;
    for (;;) { fs.writeSync(fd, block, 0, block.length, (n++ % 256) * block.length); fs.fsyncSync(fd); }`;
  return Array.from({ length: Number(opts.noise) }, (_, i) =>
    spawn(process.execPath, ["-e", script, join(dir, `busy-${i}.bin`)], { stdio: "ignore" }),
  );
}

async function run(writer: WriterMode, disk: string, through: string) {
  const dir = mkdtempSync(join(opts.dir ?? tmpdir(), "deconflict-bench-durable-"));
  const noise = disk === "busy" ? busyDisk(dir) : [];
  const store = new Store(dir, writer);
  const hub = new Hub(store, new Catalogue("scenarios"));
  const exercises = Array.from({ length: EXERCISES }, () => hub.create({ scenarioId: "tutorial" }, Date.now()));
  for (const ex of exercises) await ex.submit(facilitator, { type: "exercise.start" }, Date.now());
  await new Promise((r) => setTimeout(r, 300)); // the noise gets going
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const latencies: number[] = [];
  let done = 0;
  let refused = 0;
  const end = performance.now() + SECONDS * 1000;
  // one sender per exercise, each waiting for its acknowledgement before sending the next
  await Promise.all(
    exercises.map(async (ex, i) => {
      for (let n = 0; performance.now() < end; n++) {
        const t0 = performance.now();
        const text = `line ${i}-${n}`;
        let ok = true;
        if (through === "engine") ok = (await ex.submit(ann, { type: "team.chat", text }, Date.now())).ok;
        else {
          const seq = ex.commands.length + 1;
          ex.commands.push({
            seq,
            at: Date.now(),
            actor: ann,
            turn: 1,
            phase: "x",
            command: { type: "team.chat", text },
          });
          await store.append(ex.id, ex.commands[seq - 1]!, "running");
        }
        latencies.push(performance.now() - t0);
        if (ok) done++;
        else refused++;
      }
    }),
  );
  lag.disable();
  const stored = exercises.reduce((n, ex) => n + store.commands(ex.id).length - 1, 0);
  store.close();
  for (const n of noise) n.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
  console.log(
    `${through.padEnd(6)} ${writer.padEnd(6)} ${disk.padEnd(5)} ${String(Math.round(done / SECONDS)).padStart(7)} appends/s` +
      `  ack p50 ${q(0.5)} ms, p99 ${q(0.99)} ms` +
      `  event loop: max delay ${(lag.max / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms` +
      `  (${stored} stored, ${refused} refused)`,
  );
}

console.log(`${EXERCISES} exercises, one sender each, ${SECONDS} s per run, synchronous=FULL`);
for (const through of paths) for (const disk of disks) for (const writer of writers) await run(writer, disk, through);
