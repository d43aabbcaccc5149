// Team chat: private to the team (and control).
import type { Command } from "./types.ts";
import type { Ctx } from "./context.ts";
import type { Handlers } from "./apply.ts";
import { requireNotEnded, requireRole } from "./context.ts";

export function teamChat(ctx: Ctx, cmd: Extract<Command, { type: "team.chat" }>): void {
  const actor = requireRole(ctx, "team");
  requireNotEnded(ctx);
  ctx.s.chat.push({
    id: ctx.nextId("chat", actor.teamId),
    seq: ctx.seq,
    at: ctx.at,
    teamId: actor.teamId,
    author: actor.name,
    text: cmd.text,
  });
}

/** The commands this family handles: apply.ts dispatches through it. */
export const chatCommands = {
  "team.chat": teamChat,
} satisfies Partial<Handlers>;
