// Timestamped notes of observers and control, optionally tied to an exercise objective.
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { currentPhase, requireRole } from "./context.ts";
import { reject } from "./reject.ts";

export function addNote(ctx: Ctx, cmd: Extract<Command, { type: "note.add" }>): void {
  const actor = requireRole(ctx, "observer", "facilitator");
  const { s } = ctx;
  if (cmd.objectiveId && !s.scenario.objectives.some((o) => o.id === cmd.objectiveId))
    reject(
      "not-found",
      `There is no objective “${cmd.objectiveId}” (objectives: ${s.scenario.objectives.map((o) => o.id).join(", ") || "none"})`,
      {
        key: "refusals-engine.note.no-objective",
        params: { objective: cmd.objectiveId, objectives: s.scenario.objectives.map((o) => o.id).join(", ") },
      },
    );
  s.notes.push({
    id: ctx.nextId("note", actor.role),
    seq: ctx.seq,
    at: ctx.at,
    turn: s.turn,
    phase: currentPhase(s)?.id ?? "",
    role: actor.role,
    author: actor.name,
    objectiveId: cmd.objectiveId ?? null,
    text: cmd.text,
  });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const noteCommands = {
  "note.add": addNote,
} satisfies Partial<Handlers>;
