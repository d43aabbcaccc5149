// What an adjudication under review would do, for control's eyes only: the
// real adjudication run on a copy of the state (the seeded generator is part
// of the state, so approving unchanged gives the same rolls), with the events
// it would record (every order's result, the rolls) and the numbers it would
// change. view.ts gives it to control alone.
import type { GameState, OutcomeKind, SectorKind } from "./types.ts";
import type { StoredEvent } from "./events.ts";
import { cloneState } from "./clone.ts";
import { createCtx, pairKey } from "./context.ts";
import { adjudicate } from "./adjudication.ts";
import { releaseTriggered } from "./injects.ts";
import { checkEnd } from "./flow.ts";
import { trustOf } from "./measures.ts";
import { underReview } from "./review.ts";

export interface Change {
  from: number;
  to: number;
}

/** The proposed outcome of the turn under review. */
export interface ProposedOutcome {
  turn: number;
  /** the events approving it unchanged would record, whole */
  events: StoredEvent[];
  escalation: Change;
  /** only what would change */
  trust: ({ a: string; b: string } & Change)[];
  standing: ({ team: string } & Change)[];
  pressure: ({ team: string } & Change)[];
  sectors: ({ team: string; sector: SectorKind } & Change)[];
  evidence: ({ incident: string; title: string; suspectFrom: string | null; suspectTo: string | null } & Change)[];
  /** how the exercise would end with it, or null if it would go on */
  ends: OutcomeKind | null;
}

/** The turn under review as approving it unchanged would resolve it; null when none waits. */
export function proposeOutcome(s: GameState): ProposedOutcome | null {
  if (!underReview(s)) return null;
  const after = cloneState(s);
  after.pendingReview = null;
  // as a command would: the next number, the time of the last one
  const ctx = createCtx(after, { role: "system", name: "Review" }, s.now, s.seq + 1);
  adjudicate(ctx);
  releaseTriggered(ctx);
  checkEnd(ctx);
  const changed = <T extends Change>(list: T[]) => list.filter((c) => c.from !== c.to);
  const teams = s.scenario.teams.map((t) => t.id);
  return {
    turn: s.turn,
    events: ctx.events,
    escalation: { from: s.escalation, to: after.escalation },
    trust: changed(
      teams.flatMap((a, i) =>
        teams.slice(i + 1).map((b) => ({ a, b, from: trustOf(s, a, b), to: trustOf(after, a, b) })),
      ),
    ).sort((x, y) => pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b))),
    standing: changed(teams.map((team) => ({ team, from: s.teams[team]!.standing, to: after.teams[team]!.standing }))),
    pressure: changed(teams.map((team) => ({ team, from: s.teams[team]!.pressure, to: after.teams[team]!.pressure }))),
    sectors: changed(
      teams.flatMap((team) =>
        s.teams[team]!.sectors.map((x, i) => ({
          team,
          sector: x.kind,
          from: x.health,
          to: after.teams[team]!.sectors[i]!.health,
        })),
      ),
    ),
    evidence: after.incidents.flatMap((inc) => {
      const before = s.incidents.find((i) => i.id === inc.id);
      const from = before?.evidence.confidence ?? 0;
      const suspectFrom = before?.evidence.suspect ?? null;
      if (before && from === inc.evidence.confidence && suspectFrom === inc.evidence.suspect) return [];
      return [
        {
          incident: inc.id,
          title: inc.title,
          suspectFrom,
          suspectTo: inc.evidence.suspect,
          from,
          to: inc.evidence.confidence,
        },
      ];
    }),
    ends: after.status === "ended" ? (after.outcome?.kind ?? null) : null,
  };
}
