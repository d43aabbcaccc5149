// The reasons the server writes when it pauses an exercise itself (a restart, an empty room). The recorded
// reason stays this English sentence, so recordings and the event log are unchanged; each is also a stable
// id that a client looks up (client/ui/paused.ts) to word the pause in its participant's language.

/** The server's own pause reasons, by cause. */
export const SERVER_PAUSE_REASONS = {
  restart: "the server restarted; control resumes when everyone is back",
  idle: "nobody was connected for a while; control resumes when everyone is back",
} as const;

export type ServerPauseCause = keyof typeof SERVER_PAUSE_REASONS;

/** Which of the server's pauses a recorded reason is, if it is one (an exact match: control's own words never are). */
export function serverPauseCause(reason: string): ServerPauseCause | undefined {
  for (const [cause, text] of Object.entries(SERVER_PAUSE_REASONS))
    if (text === reason) return cause as ServerPauseCause;
  return undefined;
}
