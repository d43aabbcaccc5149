// Control's review of adjudication over real sockets: an exercise created with
// `adjudication: "review"` holds each turn for control. While it waits, a team
// receives that it is under review and nothing else: not what was ordered, not
// how much control changed meanwhile (the same bytes whether one thing or three
// happened out of its sight). After control approves with amendments, the team
// sees the amended outcome and the reasons told to it, nothing told to others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { Participant, api, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

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

/** Sends a command that must be accepted, waiting out the seat's rate limit. */
async function must(p: Participant, cmd: CommandInput): Promise<void> {
  for (;;) {
    const r = await p.refusal(cmd);
    if (!r) return;
    if (r.code !== "rate-limited") throw new Error(`${cmd.type} refused: ${r.message}`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

const TIMES = ["at", "serverTime", "runningSince", "elapsedMs"];

/** The same messages with clock readings and this run's session and exercise ids blanked. */
function normalize(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(normalize);
  if (x === null || typeof x !== "object") return x;
  const o = x as Record<string, unknown>;
  // a patch operation setting a clock reading
  const last = Array.isArray(o.path) ? o.path.at(-1) : undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (TIMES.includes(k) && typeof v === "number") out[k] = "<time>";
    else if (k === "value" && typeof last === "string" && TIMES.includes(last)) out[k] = "<time>";
    else if (k === "sessionId" || k === "exerciseId") out[k] = "<session>";
    else out[k] = normalize(v);
  }
  return out;
}

/** One exercise under review, with `hidden` order items and `hidden` values control sets out of B's sight. */
async function play(hidden: number) {
  const made = await api(srv.url, "POST", "/exercises", {
    scenarioId: "civilian-shield",
    seed: "review-side",
    adjudication: "review",
  });
  expect(made.status).toBe(201);
  const ex = made.body as Created;
  const join = (code: string, name: string) => Participant.join(srv.url, ex.roomId, code, name);
  const control = await join(ex.codes.facilitator, "Carla");
  const a = await join(ex.codes.teams[A]!, "Vera");
  const b = await join(ex.codes.teams[B]!, "Otto");
  await must(control, { type: "exercise.start" });
  while (control.view.exercise.phase?.kind !== "decision") {
    const seq = control.view.seq!;
    await must(control, { type: "phase.advance" });
    await control.until(() => control.view.seq! > seq, "the advance");
  }
  const items = [{ actionId: "harden" }, { actionId: "demarche", target: C }, { actionId: "threat-hunt", target: C }];
  await must(a, { type: "orders.submit", actions: items.slice(0, hidden) });
  await must(b, { type: "orders.submit", actions: [{ actionId: "public-briefing" }] });
  await b.until(() => b.view.me?.kind === "team" && b.view.me.orders !== null, "B's orders");

  // the window B's messages are compared over: from entering adjudication to B's own marker
  const mark = b.received.length;
  await must(control, { type: "phase.advance" });
  await control.until(() => control.view.me?.kind === "control" && !!control.view.me.review, "the proposed outcome");
  for (let i = 0; i < hidden; i++)
    await must(control, {
      type: "state.set",
      change: { what: "trust", a: A, b: C, value: 10 + i },
      reason: `HIDDEN-REASON-${i}`,
      tell: "control",
    });
  await control.until(() => control.view.log.filter((e) => e.type === "value.set").length === hidden, "the sets");
  await must(b, { type: "team.chat", text: "Ostmere waits" });
  await b.until(() => b.view.chat.length === 1, "B's marker");
  const window = structuredClone(b.received.slice(mark));
  const waiting = structuredClone(b.view);
  const proposed = control.view.me?.kind === "control" ? control.view.me.review! : null;

  await must(control, {
    type: "adjudication.approve",
    strike: [{ team: A, item: 1, reason: "STRUCK-REASON told to Veldmark" }],
    set: [
      { change: { what: "standing", team: B, value: 33 }, reason: "AMENDED-FOR-OSTMERE", tell: [B] },
      { change: { what: "trust", a: A, b: C, value: 5 }, reason: "HIDDEN-AFTER", tell: "control" },
    ],
  });
  await b.until(() => b.view.log.some((e) => e.type === "value.set"), "B's amendment");
  await a.until(() => a.view.log.some((e) => e.type === "order.struck"), "A's struck item");
  const after = { b: structuredClone(b.view), a: structuredClone(a.view), control: structuredClone(control.view) };
  const transcript = b.transcript();
  for (const p of [control, a, b]) await p.leave();
  return { window, waiting, proposed, after, transcript };
}

describe("a team and an adjudication under review", () => {
  let one: Awaited<ReturnType<typeof play>>;
  let three: Awaited<ReturnType<typeof play>>;
  beforeAll(async () => {
    one = await play(1);
    three = await play(3);
    // the runs really differ out of B's sight: control was shown more orders in one
    const resolved = (r: typeof one) => r.proposed!.events.filter((e) => e.type === "action.resolved" && e.actor === A);
    expect(resolved(one).length).toBe(1);
    expect(resolved(three).length).toBe(3);
  }, 120_000);

  it("receives that it is under review, and the same bytes whether one thing or three happened out of its sight", () => {
    expect(one.waiting.exercise.underReview).toBe(true);
    expect(one.waiting.log.at(-1)?.type).toBe("adjudication.under-review");
    expect(one.window.length).toBeGreaterThan(1);
    expect(normalize(three.window)).toEqual(normalize(one.window));
  });

  it("receives nothing of what is in it while it waits", () => {
    const text = JSON.stringify(three.window);
    for (const secret of [
      "action.resolved",
      "turn.adjudicated",
      "orders.carried-out",
      "HIDDEN-REASON",
      '"review":',
      "harden",
    ])
      expect(text, secret).not.toContain(secret);
    expect(three.waiting.me?.kind === "team" && "review" in three.waiting.me).toBe(false);
  });

  it("sees the amended outcome afterwards, with the reason told to it and none told to others", () => {
    const b = three.after.b;
    expect(b.exercise.underReview).toBeUndefined();
    expect(b.teams.find((t) => t.id === B)!.standing).toBe(33);
    expect(b.log.some((e) => e.type === "turn.resolved")).toBe(true);
    const set = b.log.find((e) => e.type === "value.set");
    expect(set && "reason" in set && set.reason).toBe("AMENDED-FOR-OSTMERE");
    expect(three.transcript).not.toContain("STRUCK-REASON");
    expect(three.transcript).not.toContain("HIDDEN-");
    expect(three.transcript).not.toContain('"tell"');
    const struck = three.after.a.log.find((e) => e.type === "order.struck");
    expect(struck && "reason" in struck && struck.reason).toBe("STRUCK-REASON told to Veldmark");
    // the struck item was not resolved
    const aResolved = three.after.control.log.filter((e) => e.type === "action.resolved" && e.actor === A);
    expect(aResolved.map((e) => (e.type === "action.resolved" ? e.action : ""))).toEqual(["demarche", "threat-hunt"]);
    expect(three.after.control.me?.kind === "control" && three.after.control.me.review).toBeFalsy();
  });
});

describe("the creation option", () => {
  it("is recorded as control's first command, and refuses what it does not know, naming the field", async () => {
    const made = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", adjudication: "review" });
    expect(made.status).toBe(201);
    const ex = made.body as Created;
    const summary = await api(srv.url, "GET", `/exercises/${ex.exerciseId}`, undefined, ex.codes.facilitator);
    expect(summary.body.commands).toBe(1);
    const bad = await api(srv.url, "POST", "/exercises", { scenarioId: "tutorial", adjudication: "later" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^adjudication: /);
    const paced = await api(srv.url, "POST", "/groups", {
      scenarioId: "tutorial",
      cells: 2,
      adjudication: "review",
      selfPaced: { team: "borealis", opponents: "cautious-diplomat", phaseSeconds: 120 },
    });
    expect(paced.status).toBe(400);
    expect(paced.body.error.message).toBe("adjudication: self-paced play keeps adjudication automatic");
    const course = await api(srv.url, "POST", "/groups", { scenarioId: "tutorial", cells: 2, adjudication: "review" });
    expect(course.status).toBe(201);
  });
});
