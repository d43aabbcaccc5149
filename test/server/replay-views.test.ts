// Replay is faithful from every point of view: each built-in scenario is played
// over real sockets by every seat; then every view each client received is
// compared with the engine's view of the replayed recording at that step, and
// no step's change is missing from what a client saw.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cloneState,
  replaySteps,
  init,
  view,
  type GameState,
  type ParticipantView,
  type Viewer,
} from "../../shared/engine/index.ts";
import { loadRecording } from "../../shared/protocol/integrity.ts";
import { canonicalJson } from "../../shared/protocol/sha256.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { Participant, api, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

interface Seat {
  p: Participant;
  viewer: Viewer;
  seen: ParticipantView[];
}

const without = (v: ParticipantView) => {
  const { seq: _s, now: _n, ...rest } = v;
  return rest;
};

/** A plausible two-turn script for any scenario: talk, an inject, notes, orders, a proposal. */
async function play(scenarioId: string, seats: Map<string, Seat>): Promise<void> {
  const s = loadScenario(scenarioId);
  const control = seats.get("facilitator")!.p;
  const teams = s.teams.map((t) => t.id);
  const as = (id: string) => seats.get(id)!.p;
  const tryCmd = (p: Participant, cmd: CommandInput) => p.refusal(cmd);
  const advanceTo = async (kind: string) => {
    for (let i = 0; i < 10; i++) {
      const v = control.view;
      if (v.exercise.status === "ended" || v.exercise.phase?.kind === kind) return;
      await control.command({ type: "phase.advance" });
      await control.until(() => control.view.seq! > v.seq!, "the advance");
    }
  };
  await control.command({ type: "exercise.start" });
  for (let turn = 1; turn <= 2; turn++) {
    await advanceTo("deliberation");
    for (const [i, t] of teams.entries()) {
      const other = teams[(i + 1) % teams.length]!;
      await as(t).command({ type: "team.chat", text: `${t} plans turn ${turn}` });
      if (s.mediator)
        await as(t).command({
          type: "hotline.send",
          to: "mediator",
          kind: "assess",
          text: `${t} reports to the mediator`,
        });
      await tryCmd(as(t), { type: "hotline.send", to: other, kind: "notify", text: `${t} notifies ${other}` });
    }
    if (s.mediator) {
      await control.until(
        () => control.view.messages.some((m) => m.to === "mediator" && m.turn === turn),
        "messages to the mediator",
      );
      const m = control.view.messages.find((x) => x.to === "mediator" && x.turn === turn)!;
      await as("mediator").command({ type: "hotline.relay", messageId: m.id, to: teams.find((t) => t !== m.from)! });
    }
    await control.command({
      type: "inject.create",
      title: `Turn ${turn} rumour`,
      body: `For ${teams[0]} only`,
      channel: "social",
      audience: [teams[0]!],
    });
    await as("observer").command({ type: "note.add", text: `Turn ${turn}: talks under way` });
    await advanceTo("decision");
    for (const [i, t] of teams.entries()) {
      const cheap = s.actions.find((a) => a.target === "none" && (!a.availableTo || a.availableTo.includes(t)));
      const aimed = s.actions.find(
        (a) => a.target === "state" && !a.special && (!a.availableTo || a.availableTo.includes(t)) && a.cost <= 2,
      );
      const actions = [
        cheap && { actionId: cheap.id },
        aimed && { actionId: aimed.id, target: teams[(i + 1) % teams.length]! },
      ].filter(Boolean) as { actionId: string; target?: string }[];
      if ((await tryCmd(as(t), { type: "orders.submit", actions })) !== null)
        await as(t).command({ type: "orders.submit", actions: actions.slice(0, 1) });
    }
    await advanceTo("summary");
    if (control.view.exercise.status === "ended") return;
    await control.command({ type: "phase.advance" });
  }
}

describe.each(scenarioFiles().map((f) => f.replace(/\.json$/, "")))(
  "replay of %s from every point of view",
  (scenarioId) => {
    it("matches what each live client received, at every step", async () => {
      const s = loadScenario(scenarioId);
      const ex = await createExercise(srv.url, scenarioId, `views-${scenarioId}`);
      const seats = new Map<string, Seat>();
      const add = async (key: string, code: string, viewer: Viewer, name: string) => {
        const p = await Participant.join(srv.url, ex.roomId, code, name);
        const seat: Seat = { p, viewer, seen: [p.view] };
        p.store.subscribe((v) => seat.seen.push(v));
        seats.set(key, seat);
      };
      await add("facilitator", ex.codes.facilitator, { role: "facilitator" }, "Control");
      await add("observer", ex.codes.observer, { role: "observer" }, "Obs");
      if (ex.codes.mediator) await add("mediator", ex.codes.mediator, { role: "mediator" }, "Med");
      for (const t of s.teams) await add(t.id, ex.codes.teams[t.id]!, { role: "team", teamId: t.id }, `${t.name} lead`);

      await play(scenarioId, seats);
      const control = seats.get("facilitator")!.p;
      const last = control.view.seq!;
      await new Promise((r) => setTimeout(r, 150));

      const file = await api(srv.url, "GET", `/exercises/${ex.exerciseId}/recording`, undefined, ex.codes.facilitator);
      const loaded = loadRecording(file.body);
      if (!loaded.ok) throw new Error(loaded.error);
      const parsed = parseScenario(loaded.recording.scenario);
      if (!parsed.ok) throw new Error("scenario");
      const rec = { ...loaded.recording, scenario: parsed.scenario };
      // replaySteps changes one state in place: a copy of each step is kept
      const steps = Array.from(replaySteps(rec), cloneState);
      const states: GameState[] = [init(parsed.scenario, { seed: rec.seed, title: rec.title }), ...steps];
      expect(states.length - 1).toBe(last);

      for (const [key, seat] of seats) {
        const views = states.map((s) => view(s, seat.viewer));
        // every view received is exactly the engine's view at the step it came from. Only control's
        // view says its step (seq); any other is found as the first step, from the previous one on, it equals
        const texts = views.map((v) => canonicalJson(v));
        const steps: number[] = [];
        for (const v of seat.seen) {
          const from = steps.at(-1) ?? 0;
          const step = v.seq ?? texts.findIndex((t, i) => i >= from && t === canonicalJson(v));
          expect(step, `${key}: view ${steps.length} received matches no step`).toBeGreaterThanOrEqual(from);
          expect(v, `${key} at step ${step}`).toEqual(views[step]);
          steps.push(step);
        }
        // and nothing is missing: at every step, the latest view received shows everything there was to see
        let j = 0;
        for (let step = 0; step < states.length; step++) {
          while (j + 1 < seat.seen.length && steps[j + 1]! <= step) j++;
          expect(without(seat.seen[j]!), `${key} at step ${step}`).toEqual(without(views[step]!));
        }
      }
      for (const seat of seats.values()) await seat.p.leave();
    }, 60_000);
  },
);
