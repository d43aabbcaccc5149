// The Content-Security-Policy of the HTML report. The report is a standalone
// file: no script at all, its one stylesheet allowed by hash, images only as
// data: URIs, nothing fetched. Whatever text a recording smuggles in can run
// nothing and call nowhere, even if escaping ever failed.
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { REPORT_CSS } from "./html-style.ts";

function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The CSP source of the report's inline stylesheet (the exact text between `<style>` and `</style>`). */
export const REPORT_STYLE_HASH = `'sha256-${base64(sha256(utf8ToBytes(REPORT_CSS)))}'`;

const DIRECTIVES = [
  "default-src 'none'",
  `style-src ${REPORT_STYLE_HASH}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the report's `<meta http-equiv>`: browsers ignore frame-ancestors there, so it is left out. */
export const REPORT_CSP_META = DIRECTIVES.join("; ");

/** For the HTTP header when the server sends the report: the same, and never framed. */
export const REPORT_CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join("; ");
