// How an attachment's bytes are sent: the type its content was found to be, never sniffed again by the
// browser, in a sandbox with no right to run or load anything, kept only in the caller's own cache.
import type { Response } from "express";
import type { StoredAttachment } from "./attachments-store.ts";

/** The policy every attachment answer carries: nothing loads, nothing runs, not even as a page of its own. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

/** filename="…" for old browsers (ASCII only) and filename*= with the name as it is (RFC 6266). */
function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends the bytes: images inline (the card shows them), a PDF as a download. */
export function sendAttachment(res: Response, a: StoredAttachment): void {
  res.status(200);
  res.setHeader("Content-Type", a.mediaType);
  res.setHeader("Content-Length", String(a.bytes.length));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Content-Security-Policy", ATTACHMENT_CSP);
  res.setHeader("Content-Disposition", disposition(a.mediaType.startsWith("image/") ? "inline" : "attachment", a.name));
  res.setHeader("Cache-Control", "private, max-age=300");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.end(Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength));
}
