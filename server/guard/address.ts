// The caller's address, as throttling counts it.
import type { IncomingMessage } from "node:http";

/** The socket's peer, or behind a trusted reverse proxy the first X-Forwarded-For entry. */
export function addressOf(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}
