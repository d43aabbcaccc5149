// Kill -9 in the middle of an exercise: everything acknowledged survives, the
// exercise comes back exactly as it was (then paused), and people rejoin with
// the same codes.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { replay, view } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Participant, api, createExercise } from "../helpers/server.ts";
import { freePort, kill9, killAll, startProcess as start } from "./server-process.ts";

afterAll(killAll);

const startProcess = async (port: number, dataDir: string) => (await start(dataDir, port)).child;

async function fullRecording(url: string, id: string, code: string) {
  const rec = (await api(url, "GET", `/exercises/${id}/recording`, undefined, code)).body;
  const parsed = parseScenario(rec.scenario);
  if (!parsed.ok) throw new Error("bad stored scenario");
  return { ...rec, scenario: parsed.scenario };
}

describe("crash recovery", () => {
  it("survives kill -9: nothing acknowledged is lost and the state is exactly as before", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "deconflict-crash-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await startProcess(port, dataDir);
    const ex = await createExercise(url, "grid-intrusion", "crash-seed");
    const control = await Participant.join(url, ex.roomId, ex.codes.facilitator, "Carla");
    const [teamA, teamB] = Object.keys(ex.codes.teams) as [string, string];
    const a = await Participant.join(url, ex.roomId, ex.codes.teams[teamA]!, "Ann");
    const b = await Participant.join(url, ex.roomId, ex.codes.teams[teamB]!, "Ben");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "phase.advance" });
    await a.command({ type: "hotline.send", to: teamB, kind: "confirm", text: "Were your units active in our grid?" });
    await b.command({ type: "hotline.send", to: teamA, kind: "assess", text: "No. We propose verification." });
    await control.command({ type: "phase.advance" });
    const me = a.view.me;
    if (me?.kind !== "team") throw new Error("a team seat has a team view");
    await a.command({
      type: "orders.submit",
      actions: [{ actionId: me.actions.find((x) => x.target === "none")!.id }],
    });
    await control.until(() => control.view.seq === 6, "all six commands seen");
    const before = control.view;

    // 1. a quiet moment: the state comes back exactly as it was
    await kill9(child);
    child = await startProcess(port, dataDir);
    const rec = await fullRecording(url, ex.exerciseId, ex.codes.facilitator);
    expect(rec.commands.map((c: { seq: number }) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // the server paused the running exercise when it came back; that is the only new command
    expect(rec.commands[6]).toMatchObject({ actor: { role: "system" }, command: { type: "exercise.pause" } });
    expect(view(replay(rec, 6), { role: "facilitator" })).toEqual(before);
    // … as of the last recorded moment, so the seconds the server was down do not run down the phase timer
    expect(rec.commands[6].at).toBe(rec.commands[5].at);

    // people rejoin with the same codes and see where they were
    const control2 = await Participant.join(url, ex.roomId, ex.codes.facilitator, "Carla");
    const a2 = await Participant.join(url, ex.roomId, ex.codes.teams[teamA]!, "Ann");
    expect(control2.view.exercise.status).toBe("paused");
    expect(a2.view.me?.kind === "team" && a2.view.me.orders?.items.length).toBe(1);
    expect(a2.view.messages.map((m) => m.text)).toEqual([
      "Were your units active in our grid?",
      "No. We propose verification.",
    ]);
    await control2.command({ type: "exercise.resume" });

    // 2. commands in flight: every acknowledged one is on disk
    // a team's reply carries no command number (it would count what the team did not see): the text tells them apart
    const acked: string[] = [];
    const sends = Array.from({ length: 15 }, (_, i) =>
      a2
        .command({ type: "team.chat", text: `line ${i}` })
        .then(() => acked.push(`line ${i}`))
        .catch(() => {}),
    );
    await a2.until(() => acked.length >= 5, "five acknowledgements");
    await kill9(child);
    await Promise.all(sends);
    child = await startProcess(port, dataDir);
    const after = await fullRecording(url, ex.exerciseId, ex.codes.facilitator);
    const seqs = after.commands.map((c: { seq: number }) => c.seq);
    const chats = after.commands.flatMap((c: { command: { type: string; text?: string } }) =>
      c.command.type === "team.chat" ? [c.command.text] : [],
    );
    for (const text of acked) expect(chats).toContain(text);
    // the stored log is whole: consecutive, and it replays
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    const state = replay(after);
    expect(state.status).toBe("paused");
    expect(state.chat.length).toBeGreaterThanOrEqual(acked.length);
    for (const p of [control, a, b, control2, a2]) await p.leave();
    await kill9(child);
  }, 60_000);

  it("reopens a finished exercise after a restart when people come back to it, all in one room", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "deconflict-ended-"));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let child = await startProcess(port, dataDir);
    const ex = await createExercise(url, "tutorial", "ended-seed");
    const control = await Participant.join(url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "exercise.end", reason: "time is up" });
    await control.leave();
    await kill9(child);
    child = await startProcess(port, dataDir);

    // a finished exercise is not reopened at start-up; the first /join does it
    const codes = [ex.codes.facilitator, ex.codes.observer, ex.codes.teams.borealis!, ex.codes.teams.austral!];
    const joins = await Promise.all(codes.map((code) => api(url, "POST", "/join", { code })));
    expect(joins.map((j) => j.status)).toEqual([200, 200, 200, 200]);
    const people = await Promise.all(codes.map((code, i) => Participant.join(url, ex.roomId, code, `P${i}`)));
    await people[0]!.until(() => people[0]!.presence?.participants.length === 4, "everyone in one room");
    for (const p of people) expect(p.view.exercise.status).toBe("ended");
    for (const p of people) await p.leave();
    await kill9(child);
  }, 60_000);
});
