// Refusals worded in the participant's language: the server sends a stable code with its parameters,
// this browser words it from the "refusals" catalogue; a code it does not know keeps the server's English message.
import { i18n } from "../i18n/index.ts";
import type { Params } from "../../shared/i18n/index.ts";

/** What a refusal carries: its code, the server's English message, and the parameters its wording needs. */
export interface RefusalLike {
  code: string;
  message: string;
  params?: Params | undefined;
}

/** HTTP API refusals (client/net/api.ts): code → key. */
export const HTTP_REFUSAL_KEYS: Record<string, string> = {
  offline: "refusals.http.offline",
  error: "refusals.http.error",
  "unknown-code": "refusals.http.unknown-code",
  "code-required": "refusals.http.code-required",
  "wrong-code": "refusals.http.wrong-code",
  expired: "refusals.http.expired",
  "too-many-wrong-codes": "refusals.http.too-many-wrong-codes",
  "create-code-required": "refusals.http.create-code-required",
  "wrong-create-code": "refusals.http.wrong-create-code",
  "too-many-creations": "refusals.http.too-many-creations",
  "too-many-exercises": "refusals.http.too-many-exercises",
  "unknown-scenario": "refusals.http.unknown-scenario",
  "invalid-request": "refusals.http.invalid-request",
  "not-found": "refusals.http.not-found",
  forbidden: "refusals.http.forbidden",
  unauthorized: "refusals.http.unauthorized",
  unavailable: "refusals.http.unavailable",
  "rules-version": "refusals.http.rules-version",
  damaged: "refusals.http.damaged",
  storage: "refusals.http.storage",
  "setup-failed": "refusals.http.setup-failed",
  "report-failed": "refusals.http.report-failed",
  "not-ready": "refusals.http.not-ready",
  "bad-request": "refusals.http.bad-request",
  "bad-json": "refusals.http.bad-json",
  "too-large": "refusals.http.too-large",
  internal: "refusals.http.internal",
};

/** Refused commands and requests in an exercise (client/net/session.ts): code → key. */
export const COMMAND_REFUSAL_KEYS: Record<string, string> = {
  forbidden: "refusals.command.forbidden",
  "not-started": "refusals.command.not-started",
  paused: "refusals.command.paused",
  ended: "refusals.command.ended",
  closed: "refusals.command.closed",
  "not-found": "refusals.command.not-found",
  invalid: "refusals.command.invalid",
  conflict: "refusals.command.conflict",
  limit: "refusals.command.limit",
  "rate-limited": "refusals.command.rate-limited",
  storage: "refusals.command.storage",
  busy: "refusals.command.busy",
  engine: "refusals.command.engine",
  gone: "refusals.command.gone",
  network: "refusals.command.network",
  offline: "refusals.command.offline",
};

// the engine's rule codes are broad ("forbidden"): its English message says exactly why, so it follows as detail
const ENGINE_RULES = new Set([
  "forbidden",
  "not-started",
  "paused",
  "ended",
  "closed",
  "not-found",
  "invalid",
  "conflict",
  "limit",
]);

/** An HTTP API refusal (an HttpError from call()), in the participant's language. */
export function httpRefusalText(err: unknown): string {
  const r = asRefusal(err);
  return worded(HTTP_REFUSAL_KEYS[r.code], r, false);
}

/** A refused command or exercise request, in the participant's language. */
export function commandRefusalText(err: RefusalLike): string {
  const rule = ENGINE_RULES.has(err.code);
  return (rule && engineReason(err)) || worded(COMMAND_REFUSAL_KEYS[err.code], err, rule);
}

/**
 * An engine refusal that names its own wording (params.reason, a key of the refusals-engine namespace):
 * the whole refusal in the participant's language. English keeps the engine's own sentence.
 */
function engineReason(r: RefusalLike): string | undefined {
  const reason = r.params?.reason;
  if (typeof reason !== "string" || !reason.startsWith("refusals-engine.")) return undefined;
  const tr = i18n();
  if (tr.locale === "en" && r.message) return r.message;
  return tr.tryT(reason, r.params);
}

function worded(key: string | undefined, r: RefusalLike, withDetail: boolean): string {
  const tr = i18n();
  const text = key === undefined ? undefined : tr.tryT(key, { ...r.params, detail: r.message });
  if (text === undefined) return r.message;
  // in English the server's own sentence is the most precise wording
  if (withDetail && tr.locale === "en" && r.message) return r.message;
  if (!withDetail || !r.message) return text;
  return tr.tryT("refusals.with-detail", { text, detail: r.message }) ?? text;
}

function asRefusal(err: unknown): RefusalLike {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; params?: unknown; status?: unknown };
  const params = (e.params && typeof e.params === "object" ? e.params : {}) as Params;
  if (typeof e.status === "number" && e.code === "error") params.status = e.status;
  return {
    code: typeof e.code === "string" ? e.code : "error",
    message: typeof e.message === "string" ? e.message : String(err),
    params,
  };
}
