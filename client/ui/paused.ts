// Who paused the exercise, in words: control, or the server (after a restart,
// or an empty room), whose pause carries its reason in the exercise.paused event.
import type { ParticipantView } from "../../shared/engine/index.ts";
import { serverPauseCause, type ServerPauseCause } from "../../shared/protocol/server-pause.ts";
import { t } from "../i18n/index.ts";

/** The server's pauses, worded whole in the participant's language (namespace attention). */
const SERVER_PAUSE_KEYS: Record<ServerPauseCause, string> = {
  restart: "attention.paused.restart",
  idle: "attention.paused.idle",
};

/**
 * "Control has paused the exercise" (saying the phase timers are stopped when `timers`), or
 * "Paused: the server restarted; …" from the latest pause's reason: the server's own pauses in the
 * participant's language, a reason control typed as control wrote it.
 */
export function pauseCause(v: Pick<ParticipantView, "log">, timers = false): string {
  const last = v.log.findLast((e) => e.type === "exercise.paused");
  const reason = last && last.type === "exercise.paused" ? last.reason : null;
  const server = reason ? serverPauseCause(reason) : undefined;
  if (server) return t(SERVER_PAUSE_KEYS[server]);
  if (reason) return t("ui.paused.reason", { reason });
  return timers ? t("ui.paused.by-control-timers") : t("ui.paused.by-control");
}
