// Side channels, from the receiving side: real SDK clients of a real server play
// an exercise in which one team (Veldmark) does things out of another's
// (Ostmere's) sight. Everything Ostmere receives must be the same whether
// Veldmark did one such thing or five — no id, counter or version may count them —
// it must name no one Ostmere may not know was given evidence, and a proposal it
// cannot see must be refused exactly like one that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { Participant, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

const A = "veldmark";
const B = "ostmere";
const C = "saranth";
const UNKNOWN = "proposal-0123456789abcdef";

type Refusal = { code: string; message: string };

/** Sends a command, waiting out the seat's rate limit; resolves with the refusal, or null if accepted. */
async function send(p: Participant, cmd: CommandInput): Promise<Refusal | null> {
  for (;;) {
    const r = await p.refusal(cmd);
    if (r?.code !== "rate-limited") return r;
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function must(p: Participant, cmd: CommandInput): Promise<void> {
  const r = await send(p, cmd);
  if (r) throw new Error(`${cmd.type} refused: ${r.message}`);
}

/** What B got in answer to its own commands: replies and refusals. */
interface Answer {
  cmd: string;
  reply: unknown;
}

/** Plays the exercise with `hidden` rounds of Veldmark's unseen activity; returns all Ostmere received. */
async function play(hidden: number) {
  const ex = await createExercise(srv.url, "civilian-shield", "side-channels");
  const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
  const control = await join(ex.codes.facilitator, "Carla");
  const a = await join(ex.codes.teams[A]!, "Vera");
  const c = await join(ex.codes.teams[C]!, "Sara");
  // B joins last, so nothing it receives is about the others joining
  const b = await join(ex.codes.teams[B]!, "Otto");
  const answers: Answer[] = [];
  const bDoes = async (cmd: CommandInput) => {
    for (;;) {
      try {
        answers.push({ cmd: cmd.type, reply: await b.room.request("command", cmd) });
        return;
      } catch (err) {
        const reason = (err as { reason?: Refusal }).reason;
        if (reason?.code === "rate-limited") {
          await new Promise((ok) => setTimeout(ok, 200));
          continue;
        }
        answers.push({ cmd: cmd.type, reply: reason ?? String(err) });
        return;
      }
    }
  };
  const advanceTo = async (turn: number, phase: string) => {
    while (control.view.exercise.turn !== turn || control.view.exercise.phase?.id !== phase) {
      const seq = control.view.seq!;
      await must(control, { type: "phase.advance" });
      await control.until(() => control.view.seq! > seq, "the advance");
    }
  };

  await must(control, { type: "exercise.start" });
  await advanceTo(1, "deliberation");
  await bDoes({ type: "team.chat", text: "Ostmere plans" });
  await bDoes({ type: "hotline.send", to: C, kind: "assess", text: "Ostmere to Saranth" });

  // out of B's sight
  for (let i = 0; i < hidden; i++) {
    await must(a, { type: "team.chat", text: `Veldmark plans ${i}` });
    await must(a, { type: "hotline.send", to: "mediator", kind: "assess", text: `Veldmark to the mediator ${i}` });
    await must(a, { type: "hotline.send", to: C, kind: "notify", text: `Veldmark to Saranth ${i}` });
    await must(a, { type: "proposal.create", kind: "statement", text: `Veldmark and Saranth ${i}`, parties: [A, C] });
    await must(control, {
      type: "inject.create",
      title: `For Veldmark ${i}`,
      body: "Only Veldmark",
      channel: "intelligence",
      audience: [A],
    });
  }
  await control.until(() => control.view.proposals.length === hidden, "Veldmark's proposals");
  const unseen = control.view.proposals.map((p) => p.id);
  await must(a, { type: "proposal.withdraw", proposalId: unseen[0]! });

  // in B's sight
  await must(c, { type: "hotline.send", to: B, kind: "confirm", text: "Saranth to Ostmere" });
  await bDoes({ type: "hotline.send", to: C, kind: "assess", text: "Ostmere answers" });
  await bDoes({ type: "proposal.create", kind: "statement", text: "Ostmere and Saranth", parties: [B, C] });
  // B asks about proposals it cannot see: a withdrawn one, an open one, and one that does not exist
  for (const id of [unseen[0]!, unseen.at(-1)!, UNKNOWN]) {
    await bDoes({ type: "proposal.respond", proposalId: id, accept: true });
    await bDoes({ type: "proposal.withdraw", proposalId: id });
  }

  await advanceTo(1, "decision");
  for (let i = 0; i < hidden; i++) await must(a, { type: "orders.submit", actions: [{ actionId: "harden" }] });
  await bDoes({ type: "orders.submit", actions: [{ actionId: "public-briefing" }] });

  // turn 2: Saranth's water utility is hit; Saranth gives B the evidence, then Veldmark and the mediator
  await advanceTo(2, "deliberation");
  await c.until(() => c.view.incidents.some((i) => i.victim === C && !i.public), "Saranth's incident");
  const incident = c.view.incidents.find((i) => i.victim === C && !i.public)!;
  await must(c, { type: "hotline.send", to: B, kind: "assess", text: "Evidence for Ostmere", incidentId: incident.id });
  await must(c, {
    type: "hotline.send",
    to: A,
    kind: "assess",
    text: "Evidence for Veldmark",
    incidentId: incident.id,
  });
  await must(c, {
    type: "hotline.send",
    to: "mediator",
    kind: "assess",
    text: "Evidence for the mediator",
    incidentId: incident.id,
  });
  for (let i = 0; i < hidden; i++)
    await must(a, {
      type: "hotline.send",
      to: "mediator",
      kind: "assess",
      text: `Veldmark passes it on ${i}`,
      incidentId: incident.id,
    });
  await bDoes({ type: "team.chat", text: "Ostmere has the evidence" });
  await b.until(() => b.view.chat.length === 2, "B's last change");
  await control.until(
    () => control.view.incidents.find((i) => i.id === incident.id)!.sharedWith.length === 3,
    "every share",
  );

  const received = structuredClone(b.received);
  const everyone = control.view;
  for (const p of [control, a, c, b]) await p.leave();
  return { received, answers, unseen, incident, everyone };
}

const TIMES = new Set([
  "at",
  "serverTime",
  "releasedAt",
  "decidedAt",
  "adoptedAt",
  "runningSince",
  "answeredAfterMs",
  "elapsedMs",
]);
const SESSION = new Set(["sessionId", "exerciseId"]);

/** The same messages with clock readings and this run's session and exercise ids blanked. */
function normalize(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalize);
  if (x === null || typeof x !== "object") return x;
  const o = x as Record<string, unknown>;
  const last = Array.isArray(o.path) ? o.path.at(-1) : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (TIMES.has(k) && typeof v === "number") out[k] = "<time>";
    else if (SESSION.has(k)) out[k] = "<session>";
    else if (k === "value" && typeof last === "string" && TIMES.has(last)) out[k] = "<time>";
    else out[k] = normalize(v);
  }
  return out;
}

/** Every `sharedWith` list in a message: on objects, and as patch operations on such a list. */
function sharedWithLists(x: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(x)) for (const v of x) sharedWithLists(v, out);
  else if (x !== null && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if (Array.isArray(o.path) && o.path.includes("sharedWith"))
      out.push([...(Array.isArray(o.value) ? o.value : [o.value]), ...((o.items as unknown[]) ?? [])]);
    for (const [k, v] of Object.entries(o)) {
      if (k === "sharedWith" && Array.isArray(v)) out.push(v);
      else sharedWithLists(v, out);
    }
  }
  return out;
}

describe("what a team receives says nothing of what happened out of its sight", () => {
  let one: Awaited<ReturnType<typeof play>>;
  let five: Awaited<ReturnType<typeof play>>;
  beforeAll(async () => {
    one = await play(1);
    five = await play(5);
    // the runs really differ out of B's sight
    expect(five.everyone.proposals.length - one.everyone.proposals.length).toBe(4);
    expect(five.everyone.messages.length - one.everyone.messages.length).toBe(12);
    expect(five.everyone.seq! - one.everyone.seq!).toBeGreaterThanOrEqual(24);
  }, 120_000);

  it("every raw message is the same whether another team did one unseen thing or five, but for clock readings", () => {
    expect(five.received.length).toBeGreaterThan(10);
    expect(normalize(five.received)).toEqual(normalize(one.received));
  });

  it("carries no command counter: not in views, patches or replies", () => {
    expect(JSON.stringify(five.received)).not.toMatch(/"seq"|"now"/);
    const accepted = five.answers.filter((x) => (x.reply as { ok?: boolean }).ok);
    expect(accepted.length).toBeGreaterThan(3);
    for (const { reply } of accepted) expect(reply).toEqual({ ok: true });
    // the answers to B's own commands are the same in both runs, the ids B asked about (made by A) blanked
    const blank = (r: Awaited<ReturnType<typeof play>>) =>
      normalize(JSON.parse(r.unseen.reduce((t, id) => t.replaceAll(id, "<unseen id>"), JSON.stringify(r.answers))));
    expect(blank(five)).toEqual(blank(one));
  });

  it("names no one among those given evidence but the team itself", () => {
    const shared = five.everyone.incidents.find((i) => i.id === five.incident.id)!.sharedWith;
    expect([...shared].sort()).toEqual([A, B, "mediator"].sort());
    const lists = sharedWithLists(five.received);
    expect(lists.flat()).toContain(B);
    for (const list of lists) for (const p of list) expect(p).toBe(B);
  });

  it("refuses a proposal the team cannot see, withdrawn or open, exactly like one that does not exist", () => {
    const refusals = five.answers
      .filter((x) => x.cmd === "proposal.respond" || x.cmd === "proposal.withdraw")
      .map((x) => x.reply as Refusal);
    expect(refusals).toHaveLength(6);
    const ids = [five.unseen[0]!, five.unseen[0]!, five.unseen.at(-1)!, five.unseen.at(-1)!, UNKNOWN, UNKNOWN];
    expect(new Set(ids).size).toBe(3);
    const generic = refusals.map((r, i) => ({ code: r.code, message: r.message.replace(ids[i]!, "<id>") }));
    for (const r of generic) expect(r).toEqual({ code: "not-found", message: "There is no proposal “<id>”" });
  });
});
