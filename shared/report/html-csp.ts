// The Content-Security-Policy of the HTML report. The report is a standalone
// file: no script at all, its one stylesheet allowed by hash, images only as
// data: URIs, nothing fetched. Whatever text a recording smuggles in can run
// nothing and call nowhere, even if escaping ever failed.
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { reportCss } from "./html-style.ts";
import { LANGUAGES, type Locale } from "../i18n/index.ts";

function base64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The CSP source of a report's inline stylesheet in this language (its footer is worded in it). */
export function reportStyleHash(locale: Locale = "en"): string {
  return `'sha256-${base64(sha256(utf8ToBytes(reportCss(locale))))}'`;
}

/** Every shipped language's stylesheet hash: the console opens a report of whichever language as a blob: page. */
export function reportStyleHashes(): string[] {
  return LANGUAGES.map((l) => reportStyleHash(l.code));
}

function directives(locale: Locale): string[] {
  return [
    "default-src 'none'",
    `style-src ${reportStyleHash(locale)}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/** For the report's `<meta http-equiv>`: browsers ignore frame-ancestors there, so it is left out. */
export function reportCspMeta(locale: Locale = "en"): string {
  return directives(locale).join("; ");
}

/** For the HTTP header when the server sends the report in this language: the same, and never framed. */
export function reportCspHeader(locale: Locale = "en"): string {
  return [...directives(locale), "frame-ancestors 'none'"].join("; ");
}
