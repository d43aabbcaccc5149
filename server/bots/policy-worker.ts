// The bots' thread: asks a policy for its commands, off the event loop that
// serves the rooms. One request at a time, each with the bot's rng state, which
// comes back advanced. The main side (policy-thread.ts) times every request.
import { parentPort, workerData } from "node:worker_threads";
import seedrandom from "seedrandom";
import type { ParticipantView } from "../../shared/engine/index.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { policyByName, type Policy, type PolicyName } from "../../shared/bots/index.ts";

export type RngState = seedrandom.State.Arc4;

export interface PolicyRequest {
  id: number;
  policy: PolicyName;
  view: ParticipantView;
  rng: RngState;
}

export type PolicyReply =
  | { kind: "ready" }
  | { kind: "answer"; id: number; ok: true; commands: CommandInput[]; rng: RngState; ms: number }
  | { kind: "answer"; id: number; ok: false; error: string };

/** workerData.policies: a module whose `policyByName` replaces the built-in one (tests give slow policies). */
const data = workerData as { policies?: string } | undefined;
const make: (name: PolicyName) => Policy = data?.policies
  ? ((await import(data.policies)) as { policyByName: (name: PolicyName) => Policy }).policyByName
  : policyByName;
const port = parentPort!;

port.on("message", (m: PolicyRequest) => {
  try {
    const rng = seedrandom("", { state: m.rng });
    const started = performance.now();
    const commands = make(m.policy).act(m.view, rng);
    const ms = performance.now() - started;
    port.postMessage({ kind: "answer", id: m.id, ok: true, commands, rng: rng.state(), ms } satisfies PolicyReply);
  } catch (err) {
    port.postMessage({ kind: "answer", id: m.id, ok: false, error: (err as Error).message } satisfies PolicyReply);
  }
});
port.postMessage({ kind: "ready" } satisfies PolicyReply);
