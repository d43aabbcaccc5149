// SIGKILL while fifty real clients send commands at once, with commands
// committed in groups: after the restart every acknowledged command is there,
// and what each client was last shown is exactly the replayed state at a step
// that includes everything it was told was accepted.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { init, replaySteps, view, type Viewer } from "../../shared/engine/index.ts";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { canonicalJson } from "../../shared/protocol/sha256.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { Participant, api, createExercise, type Created } from "../helpers/server.ts";
import { freePort, kill9, killAll, startProcess } from "./server-process.ts";

afterAll(killAll);

interface Sender {
  ex: Created;
  p: Participant;
  viewer: Viewer;
  name: string;
  /** texts the server acknowledged */
  acked: string[];
}

const EXERCISES = 10;

describe("durability under concurrent load", () => {
  it("kill -9 while 50 clients send: every acknowledgement survives and each client's last view replays", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-crash50-"));
    const port = await freePort();
    const srv = await startProcess(dir, port, { CREATE_PER_MINUTE: "1000" });
    const senders: Sender[] = [];
    for (let i = 0; i < EXERCISES; i++) {
      const ex = await createExercise(srv.url, "tutorial", `crash50-${i}`);
      const join = async (code: string, viewer: Viewer, name: string) => {
        const p = await Participant.join(srv.url, ex.roomId, code, name);
        senders.push({ ex, p, viewer, name, acked: [] });
        return p;
      };
      const control = await join(ex.codes.facilitator, { role: "facilitator" }, `control-${i}`);
      await control.command({ type: "exercise.start" });
      for (const team of ["borealis", "austral"])
        for (const who of ["a", "b"])
          await join(ex.codes.teams[team]!, { role: "team", teamId: team }, `${i}-${team}-${who}`);
    }
    expect(senders).toHaveLength(50);

    // every client sends as fast as it is answered; refusals (the seat's rate limit) are simply retried later
    let acks = 0;
    let sent = 0;
    let stop = false;
    let killed = false;
    const lane = async (s: Sender) => {
      for (let n = 0; !stop; n++) {
        const text = `${s.name} line ${n}`;
        const cmd: CommandInput =
          s.viewer.role === "facilitator" ? { type: "note.add", text } : { type: "team.chat", text };
        try {
          if (!killed) sent++;
          const refusal = await s.p.refusal(cmd);
          if (refusal === null) {
            s.acked.push(text);
            acks++;
          } else if (!refusal)
            return; // the connection is gone
          else await new Promise((r) => setTimeout(r, 50));
        } catch {
          return; // the server is gone
        }
      }
    };
    const load = Promise.all(senders.map(lane));
    await senders[0]!.p.until(() => acks >= 400, "four hundred acknowledgements", 60_000);
    for (const s of senders) s.p.room.reconnection.enabled = false;
    killed = true;
    await kill9(srv.child);
    stop = true;
    await load;
    expect(acks).toBeLessThan(sent); // it really died with commands in flight, sent before the kill

    const again = await startProcess(dir, port);
    for (let i = 0; i < EXERCISES; i++) {
      const mine = senders.filter((s) => s.ex.exerciseId === senders[i * 5]!.ex.exerciseId);
      const ex = mine[0]!.ex;
      const file = await api(
        again.url,
        "GET",
        `/exercises/${ex.exerciseId}/recording`,
        undefined,
        ex.codes.facilitator,
      );
      const loaded = loadRecording(file.body);
      if (!loaded.ok) throw new Error(loaded.error);
      const parsed = parseScenario(loaded.recording.scenario);
      if (!parsed.ok) throw new Error("the stored scenario does not parse");
      const rec = { ...loaded.recording, scenario: parsed.scenario };
      // each step's view, as JSON at once (a replay step may be one state, changed in place)
      const viewsOf = (viewer: Viewer) => {
        const texts = [canonicalJson(view(init(parsed.scenario, { seed: rec.seed, title: rec.title }), viewer))];
        for (const st of replaySteps(rec)) texts.push(canonicalJson(view(st, viewer)));
        return texts;
      };
      const stepOf = new Map(rec.commands.map((c) => [(c.command as { text?: string }).text, c.seq]));
      for (const s of mine) {
        // every acknowledged command is stored
        for (const text of s.acked) expect(stepOf.has(text), `${text} was acknowledged`).toBe(true);
        const lastAcked = Math.max(0, ...s.acked.map((t) => stepOf.get(t)!));
        // what it was last shown is the replayed view at one step, no earlier than its last acknowledgement
        const texts = viewsOf(s.viewer);
        const shown = canonicalJson(s.p.view);
        const step = texts.findIndex((t, k) => k >= lastAcked && t === shown);
        expect(step, `${s.name}: its last view matches no step from ${lastAcked} on`).toBeGreaterThanOrEqual(lastAcked);
        // control's view names its step: it is that one
        if (s.p.view.seq !== undefined) expect(step).toBe(s.p.view.seq);
      }
    }
    await kill9(again.child);
  }, 120_000);
});
