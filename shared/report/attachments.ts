// An inject's attachments in the HTML report: images embedded as data: URIs (the report's policy allows
// images from data: only), a PDF and a link listed. Without the server's files (a recording read on its own,
// or past the report's budget) an image is listed by its caption.
import { addCatalogue, catalogues, type Lang, type Messages } from "../i18n/index.ts";
import type { InjectAttachment } from "../scenario/attachments.ts";
import type { ReportLanguage } from "./language.ts";
import { esc } from "./escape.ts";
import en from "../i18n/locales/en/attachments.json" with { type: "json" };
import fr from "../i18n/locales/fr/attachments.json" with { type: "json" };
import es from "../i18n/locales/es/attachments.json" with { type: "json" };
import ar from "../i18n/locales/ar/attachments.json" with { type: "json" };

/** A stored file's bytes and the type its content was found to be. */
export interface ReportMediaFile {
  mediaType: string;
  bytes: Uint8Array;
}

/** Where the report finds an attachment's bytes (the server's store); undefined: listed, not embedded. */
export type ReportMedia = (id: string) => ReportMediaFile | undefined;

/** At most this many bytes of images embedded in one report (the rest are listed), so the file stays openable. */
export const REPORT_MEDIA_BUDGET = 8 * 1024 * 1024;

const BUNDLED: readonly [Lang, Messages][] = [
  ["en", en],
  ["fr", fr],
  ["es", es],
  ["ar", ar],
];

function words(rl: ReportLanguage): (key: string, params?: Record<string, string>) => string {
  const loaded = catalogues();
  for (const [lang, messages] of BUNDLED) if (!loaded[lang]?.attachments) addCatalogue(lang, "attachments", messages);
  return (key, params) => rl.tr.t(key, params);
}

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/** A media source that embeds at most `budget` bytes in all, then lists the rest. */
export function budgeted(media: ReportMedia, budget: number = REPORT_MEDIA_BUDGET): ReportMedia {
  let left = budget;
  return (id) => {
    const file = media(id);
    if (!file || file.bytes.length > left) return undefined;
    left -= file.bytes.length;
    return file;
  };
}

/** The attachments of one inject as report HTML ("" when it has none); every text escaped. */
export function injectAttachmentsHtml(
  list: readonly InjectAttachment[] | undefined,
  rl: ReportLanguage,
  media?: ReportMedia,
): string {
  if (!list?.length) return "";
  const t = words(rl);
  const items = list.map((a) => {
    if (a.kind === "link") {
      const link = `<a href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.title)}</a>`;
      return `<span class="small">${esc(t("attachments.report.link"))}: ${link} (${esc(a.url)})</span>`;
    }
    const caption = a.caption ?? "";
    const file = media?.(a.id);
    if (file && IMAGE.test(file.mediaType))
      return (
        `<figure class="attachment" data-attachment="${esc(a.id)}">` +
        `<img width="320" src="data:${file.mediaType};base64,${base64(file.bytes)}" alt="${esc(caption || t("attachments.image"))}">` +
        (caption ? `<figcaption class="small">${esc(caption)}</figcaption>` : "") +
        `</figure>`
      );
    const kind = file?.mediaType === "application/pdf" ? "attachments.report.pdf" : "attachments.report.file";
    const what = caption ? `: ${caption}` : "";
    return `<span class="small" data-attachment="${esc(a.id)}">${esc(t(kind))}${esc(what)} (${esc(t("attachments.report.not-embedded"))})</span>`;
  });
  return `<br>${items.join("<br>")}`;
}
