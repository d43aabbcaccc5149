// What a file is, decided by its bytes alone (never its name or the sender's header): the few types an
// inject may carry are accepted; HTML, SVG, script and everything else is named and refused.

export type AttachmentMediaType = "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/pdf";

/** What a refused file was found to be, as a word the studio's page translates (studio-media.found.*). */
export type FoundKind =
  | "empty"
  | "html"
  | "svg"
  | "svg-script"
  | "archive"
  | "program"
  | "script"
  | "text"
  | "unknown"
  | "pdf-script"
  | "hidden";

export type Sniffed = { ok: true; mediaType: AttachmentMediaType } | { ok: false; found: string; kind: FoundKind };

/** The accepted types, for messages and documentation. */
export const ACCEPTED_TYPES = "PNG, JPEG, GIF or WebP images and PDF documents";

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The type the magic bytes announce, before the content is checked for script. */
function magic(b: Uint8Array): AttachmentMediaType | null {
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 6 && (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")) return "image/gif";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return "image/webp";
  if (b.length >= 5 && ascii(b, 0, 5) === "%PDF-") return "application/pdf";
  return null;
}

/** Markup a browser would run if it ever took the file for a page. */
const SCRIPT_MARKUP = /<\s*(script|iframe|object|embed|html|body|svg|foreignobject)\b|javascript:/i;
/** A PDF's own script and actions that run as the document opens. */
const PDF_SCRIPT = /\/(JavaScript|JS|OpenAction|AA|Launch|EmbeddedFile|RichMedia|XFA)\b/;

/** Latin-1 reading of the bytes: markers are ASCII, so this finds them wherever they sit. */
function latin1(b: Uint8Array): string {
  return new TextDecoder("latin1").decode(b);
}

/** Names what a refused file looks like, for the message the designer reads. */
function describe(b: Uint8Array, text: string): [FoundKind, string] {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (/<svg\b/.test(head) || (head.startsWith("<?xml") && /<svg\b/.test(text.toLowerCase())))
    return /<\s*script\b|\bon[a-z]+\s*=/i.test(text)
      ? ["svg-script", "an SVG image with script in it"]
      : ["svg", "an SVG image"];
  if (/^<!doctype\s+html|<html\b|<head\b|<body\b|<script\b|<iframe\b/.test(head)) return ["html", "an HTML page"];
  if (b.length >= 4 && ascii(b, 0, 4) === "PK\u0003\u0004") return ["archive", "a ZIP archive (or an Office document)"];
  if (b.length >= 4 && ascii(b, 0, 4) === "\u007fELF") return ["program", "a program"];
  if (b.length >= 2 && ascii(b, 0, 2) === "MZ") return ["program", "a program"];
  if (head.startsWith("#!")) return ["script", "a script"];
  if (isText(b)) {
    if (/<\s*script\b/i.test(text)) return ["script", "text with script in it"];
    if (/\b(function|const|let|var|import|require)\b[^]*[;{}()=]/.test(head) && /[;{}]/.test(head))
      return ["script", "a script"];
    return ["text", "plain text"];
  }
  return ["unknown", "a file of unknown type"];
}

function isText(b: Uint8Array): boolean {
  const sample = b.subarray(0, 4096);
  for (const x of sample) if (x < 0x09 || (x > 0x0d && x < 0x20)) return false;
  return sample.length > 0;
}

/** Decides a file's type by its content; refuses, naming what it found, every file that is not a clean image or PDF. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, found: "an empty file", kind: "empty" };
  const text = latin1(bytes);
  const type = magic(bytes);
  if (type === null) {
    const [kind, found] = describe(bytes, text);
    return { ok: false, found, kind };
  }
  if (type === "application/pdf") {
    const hit = PDF_SCRIPT.exec(text);
    return hit
      ? { ok: false, found: `a PDF document with script or actions in it (/${hit[1]})`, kind: "pdf-script" }
      : { ok: true, mediaType: type };
  }
  // an image that also reads as a page (a polyglot) is refused: its bytes would run if ever served as HTML
  if (SCRIPT_MARKUP.test(text))
    return { ok: false, found: `${typeName(type)} with markup or script hidden in it`, kind: "hidden" };
  return { ok: true, mediaType: type };
}

function typeName(type: AttachmentMediaType): string {
  return {
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
  }[type as Exclude<AttachmentMediaType, "application/pdf">];
}
