// Who paused the exercise, in words: control, or the server (after a restart,
// or an empty room), whose pause carries its reason in the exercise.paused event.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { t } from "../i18n/index.ts";

/**
 * "Control has paused the exercise" (saying the phase timers are stopped when `timers`), or
 * "Paused: the server restarted; …" from the latest pause's reason (the server's own words).
 */
export function pauseCause(v: Pick<ParticipantView, "log">, timers = false): string {
  const last = v.log.findLast((e) => e.type === "exercise.paused");
  const reason = last && last.type === "exercise.paused" ? last.reason : null;
  if (reason) return t("ui.paused.reason", { reason });
  return timers ? t("ui.paused.by-control-timers") : t("ui.paused.by-control");
}
