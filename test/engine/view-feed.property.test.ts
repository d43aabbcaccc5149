// The incremental view (view-feed.ts) is the view: over random exercises on
// every built-in scenario, applying every patch a viewer received rebuilds
// exactly `view(state, viewer)` after every command, for every kind of viewer
// (including one that joins midway from the feed's snapshot); and a viewer
// receives nothing at all for a command that changed nothing it may see.
import { describe, expect, it } from "vitest";
import { init, step, view, type GameState, type ParticipantView, type Viewer } from "../../shared/engine/index.ts";
import { ViewFeed } from "../../shared/engine/view-feed.ts";
import { applyPatch } from "../../shared/protocol/patch.ts";
import { command } from "../../shared/protocol/commands.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { fixture } from "../helpers/fixture.ts";
import { loadScenario, scenarioFiles } from "../helpers/scenarios.ts";
import { randomSource, randomStep } from "../helpers/random-commands.ts";

const scenarios: [string, () => Scenario][] = [
  ["fixture", () => fixture()],
  ...scenarioFiles().map((f) => [f, () => loadScenario(f.replace(/\.json$/, ""))] as [string, () => Scenario]),
];

/** A view without control's command counter and clock, which alone never make a patch. */
function visible(v: ParticipantView): ParticipantView {
  const { seq: _s, now: _n, ...rest } = v;
  return rest as ParticipantView;
}

interface Client {
  viewer: Viewer;
  feed: ViewFeed;
  /** what the client holds: its snapshot with every patch applied (as decoded from the wire: copies) */
  held: ParticipantView;
  /** the engine's view after the previous command */
  last: ParticipantView;
  patches: number;
}

function join(state: GameState, viewer: Viewer): Client {
  const feed = new ViewFeed(state, viewer);
  const held = structuredClone(feed.view());
  expect(visible(held)).toEqual(visible(view(state, viewer)));
  return { viewer, feed, held, last: structuredClone(view(state, viewer)), patches: 0 };
}

describe.each(scenarios)("the view feed on %s", (_name, load) => {
  it.each(["one", "two", "three"])(
    "seed %s: patches rebuild the view exactly, and only what changed sends one",
    (seed) => {
      const scenario = load();
      const { rng, pick } = randomSource(`feed/${seed}`);
      const state = init(scenario, { seed });
      const viewers: Viewer[] = [
        { role: "facilitator" },
        { role: "observer" },
        ...(scenario.mediator ? [{ role: "mediator" } as const] : []),
        ...scenario.teams.map((t) => ({ role: "team" as const, teamId: t.id })),
      ];
      const clients = viewers.map((v) => join(state, v));
      let at = 1_700_000_000_000;
      let accepted = 0;
      for (let i = 0; i < 450 && state.status !== "ended"; i++) {
        // a second control and a team join midway, from the feed's snapshot
        if (i === 150) clients.push(join(state, viewers[0]!), join(state, viewers.at(-1)!));
        const s = randomStep(state, pick, rng);
        const parsed = command.safeParse(s.command);
        if (!parsed.success) continue;
        at += Math.floor(rng() * 90_000);
        const r = step(state, { at, actor: s.actor, command: parsed.data });
        if (r.ok) accepted++;
        for (const c of clients) {
          // what goes on the wire is a copy made at once: later steps must not reach it
          const ops = structuredClone(c.feed.update(state));
          const now = view(state, c.viewer);
          const changed = JSON.stringify(visible(now)) !== JSON.stringify(visible(c.last));
          if (ops.length) {
            c.held = applyPatch(c.held, ops);
            c.patches++;
            expect(c.held).toEqual(now);
          } else {
            expect(visible(c.held)).toEqual(visible(now));
          }
          // silence for a command that changed nothing the viewer may see; a patch for one that did
          expect(ops.length > 0, `${JSON.stringify(c.viewer)} after ${parsed.data.type}`).toBe(changed);
          expect(visible(c.feed.view())).toEqual(visible(now));
          c.last = structuredClone(now);
        }
      }
      expect(accepted).toBeGreaterThan(10);
      for (const c of clients) expect(c.patches).toBeGreaterThan(0);
    },
  );
});
