// Stands in front of Colyseus's own matchmaking routes (/matchmake/*), which
// would otherwise let anyone find, reserve seats in, lock or create rooms.
// Only what the client uses passes: joinById with a code that opens a seat in
// that very exercise, and reconnect with a token. Bodies are small, wrong
// codes are throttled per address, and an unknown room is refused exactly as
// a wrong code is, so nothing reveals which exercises exist.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { HttpError } from "../../shared/protocol/http.ts";
import type { Hub } from "../hub.ts";
import { ensureRoom, roomIsOpen } from "../open-room.ts";
import { addressOf } from "./address.ts";
import type { Limits } from "./limits.ts";

/** Matchmaking bodies are a code and a display name: a few hundred bytes. */
export const MAX_MATCHMAKE_BODY = 4096;
const ROUTE = /^\/matchmake\/(joinById|reconnect)\/([A-Za-z0-9_-]{1,64})$/;
export const WRONG_SEAT = "That join code does not open a seat in this exercise";

export interface GuardDeps {
  hub: Hub;
  limits: Limits;
  trustProxy: boolean;
  now?: () => number;
}

/** Puts the guard in front of every other request listener of the HTTP server. */
export function guardMatchmaking(server: Server, deps: GuardDeps): void {
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  const pass = (req: IncomingMessage, res: ServerResponse) => {
    for (const l of listeners) l.call(server, req, res);
  };
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (!path.startsWith("/matchmake")) return pass(req, res);
    admit(req, path, deps).then(
      (ok) => (ok ? pass(req, res) : undefined),
      (err: unknown) => refuse(res, err),
    );
  });
}

/** Resolves true when the request may go on to Colyseus; throws an HttpError otherwise. */
async function admit(req: IncomingMessage, path: string, deps: GuardDeps): Promise<boolean> {
  const match = ROUTE.exec(path);
  if (req.method !== "POST" || !match) throw new HttpError(404, "not-found", "No such route");
  const [, method, roomId] = match as unknown as [string, string, string];
  const raw = await readBody(req);
  const body = parseObject(raw);
  (req as IncomingMessage & { body?: string }).body = raw;
  if (method === "reconnect") return admitReconnect(roomId, body);
  const now = (deps.now ?? Date.now)();
  const address = addressOf(req, deps.trustProxy);
  deps.limits.checkCodeTries(address, now);
  const code = typeof body.code === "string" ? body.code : "";
  if (!code) {
    deps.limits.wrongCode(address, now);
    throw new HttpError(401, "code-required", "A join code is needed to enter this exercise");
  }
  const hit = deps.hub.lookup(code);
  if (!hit || hit.exerciseId !== roomId) {
    deps.limits.wrongCode(address, now);
    throw new HttpError(403, "wrong-code", WRONG_SEAT);
  }
  // the code is right: it may hear why the exercise will not open
  const refusal = deps.hub.rulesRefusal(hit.exerciseId);
  if (refusal !== undefined) throw new HttpError(409, "rules-version", refusal);
  const damage = deps.hub.damageRefusal(hit.exerciseId);
  if (damage !== undefined) throw new HttpError(503, "damaged", damage);
  const exercise = deps.hub.get(hit.exerciseId);
  if (!exercise)
    throw new HttpError(
      503,
      "unavailable",
      "This exercise cannot be opened right now; the facilitator can check the server's log",
    );
  await ensureRoom(exercise);
  return true;
}

/** A reconnection needs its token; a room that is not open is answered like an expired token. */
async function admitReconnect(roomId: string, body: Record<string, unknown>): Promise<boolean> {
  const token = body.reconnectionToken;
  const expired = new HttpError(410, "expired", "reconnection token invalid or expired.");
  if (typeof token !== "string" || token.length > 200) throw expired;
  if (!(await roomIsOpen(roomId))) throw expired;
  return true;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > MAX_MATCHMAKE_BODY) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MATCHMAKE_BODY) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", () => reject(new HttpError(400, "bad-request", "The request was cut off")));
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, "too-large", `A matchmaking request has at most ${MAX_MATCHMAKE_BODY} bytes`);
}

function parseObject(raw: string): Record<string, unknown> {
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError(400, "bad-json", "The request body must be a JSON object");
}

/** Answers as Colyseus does ({ code, error }), which the SDK turns into a readable error. */
function refuse(res: ServerResponse, err: unknown): void {
  const e = err instanceof HttpError ? err : new HttpError(500, "internal", "Something went wrong on the server");
  if (!(err instanceof HttpError)) console.error(`Matchmaking guard: ${(err as Error)?.message ?? String(err)}`);
  const body = JSON.stringify({ code: e.status, error: e.message, reason: e.code });
  res.writeHead(e.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  // a body too large is not read to its end: the connection goes
  res.end(body, () => {
    if (e.status === 413) res.socket?.destroy();
  });
}
