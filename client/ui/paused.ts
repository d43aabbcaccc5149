// Who paused the exercise, in words: control, or the server (after a restart,
// or an empty room), whose pause carries its reason in the exercise.paused event.
import type { ParticipantView } from "../../shared/engine/index.ts";

/**
 * "Control has paused the exercise" (and `more`, where there is room), or
 * "Paused: the server restarted; …" from the latest pause's reason.
 */
export function pauseCause(v: Pick<ParticipantView, "log">, more = ""): string {
  const last = v.log.findLast((e) => e.type === "exercise.paused");
  const reason = last && last.type === "exercise.paused" ? last.reason : null;
  return reason ? `Paused: ${reason}` : `Control has paused the exercise${more}`;
}
