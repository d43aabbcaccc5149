// The studio media panel's refusals in the designer's language: what the server found in a refused file,
// the size limit, the organiser code (the server's English sentence stays the fallback).
import { studioRefusalText } from "./refusals.ts";
import { t } from "../i18n/index.ts";

/** The server's error for an upload ({ code, message, params }), with the HTTP status. */
export interface UploadRefusal {
  status: number;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

const FOUND: Record<string, string> = {
  empty: "studio-media.found.empty",
  html: "studio-media.found.html",
  svg: "studio-media.found.svg",
  "svg-script": "studio-media.found.svg-script",
  archive: "studio-media.found.archive",
  program: "studio-media.found.program",
  script: "studio-media.found.script",
  text: "studio-media.found.text",
  unknown: "studio-media.found.unknown",
  "pdf-script": "studio-media.found.pdf-script",
  hidden: "studio-media.found.hidden",
};

/** A size as a person reads it: "2 MB", "512 KB". */
export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return t("studio-media.mb", { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
  return t("studio-media.kb", { n: Math.max(1, Math.round(bytes / 1024)) });
}

/** Why the server refused the file, in the page's language. */
export function refusalWords(r: UploadRefusal): string {
  if (r.code === "unsupported-attachment") {
    const key = FOUND[String(r.params?.kind ?? "unknown")] ?? FOUND.unknown!;
    return t("studio-media.refused-type", { found: t(key) });
  }
  if (r.code === "attachment-too-large" || r.status === 413)
    return t("studio-media.too-large", { limit: sizeWords(Number(r.params?.limit ?? 0)) });
  if (r.status === 401 || r.status === 403) return t("studio-media.organiser");
  if (r.code === "studio-unavailable") return t("studio-media.unavailable");
  if (r.code === "too-many-studio-writes" || r.code === "attachments-full") return studioRefusalText(r);
  if (r.code === "offline") return t("studio-media.offline");
  return r.message || t("studio-media.failed", { status: r.status });
}
