// An inject's attachments on its card: images fetched with the seat's code and shown through a blob URL,
// a PDF as a link that downloads it, a web link opened without a referrer or a handle on this page.
import type { InjectView } from "../../shared/engine/index.ts";
import type { InjectAttachment } from "../../shared/scenario/attachments.ts";
import { h } from "../ui/dom.ts";
import { own } from "../ui/own-words.ts";
import { t } from "../i18n/index.ts";
import { serverUrl } from "../net/api.ts";
import { seatFor } from "../net/seats.ts";
import type { PanelCtx } from "./panel.ts";

/** Whose copy to ask for: the exercise and a code of a seat whose view shows the inject. */
export interface AttachmentSource {
  exerciseId: string;
  code: string;
}

type Fetched = { url: string; type: string } | null;
/** One fetch per exercise and file for the page's life: a redrawn card reuses the blob URL. */
const fetched = new Map<string, Promise<Fetched>>();

function fetchOnce(source: AttachmentSource, id: string): Promise<Fetched> {
  const key = `${source.exerciseId}/${id}`;
  let p = fetched.get(key);
  if (!p) {
    const path = `/api/exercises/${encodeURIComponent(source.exerciseId)}/attachments/${id}`;
    p = fetch(`${serverUrl()}${path}`, { headers: { authorization: `Bearer ${source.code}` } })
      .then(async (res) => {
        if (!res.ok) return null;
        const blob = await res.blob();
        return { url: URL.createObjectURL(blob), type: blob.type };
      })
      .catch(() => null);
    // a failure is asked again on the next draw (the network may be back)
    void p.then((r) => r === null && fetched.delete(key));
    fetched.set(key, p);
  }
  return p;
}

/** The live seat's own copy: this browser's code for the seat it plays. */
export function liveSource(ctx: PanelCtx): AttachmentSource | null {
  const seat = seatFor(ctx.seat.exerciseId, ctx.seat.role);
  return seat ? { exerciseId: ctx.seat.exerciseId, code: seat.code } : null;
}

/** The replay's copy: the facilitator's code this browser holds for the exercise (none for a file from elsewhere). */
export function replaySource(exerciseId: string): AttachmentSource | null {
  const seat = seatFor(exerciseId, "facilitator");
  return seat ? { exerciseId, code: seat.code } : null;
}

function image(a: Extract<InjectAttachment, { kind: "file" }>, source: AttachmentSource | null): HTMLElement {
  const note = h("span", { class: "small dim" }, t(source ? "attachments.loading" : "attachments.not-here"));
  const figure = h(
    "figure",
    { class: "inject-attachment", "data-attachment": a.id, style: "margin: 0.5em 0" },
    note,
    a.caption ? own(h("figcaption", { class: "small" }, a.caption)) : null,
  );
  if (!source) return figure;
  void fetchOnce(source, a.id).then((got) => {
    if (!got) {
      note.textContent = t("attachments.not-here");
      return;
    }
    if (got.type === "application/pdf") {
      note.replaceWith(pdfLink(got.url, a.caption));
      return;
    }
    const img = document.createElement("img");
    img.src = got.url;
    img.alt = a.caption ?? t("attachments.image");
    img.style.cssText = "max-width: 100%; max-height: 18rem; display: block; border-radius: 4px";
    note.replaceWith(img);
  });
  return figure;
}

function pdfLink(url: string, caption: string | undefined): HTMLElement {
  const link = h("a", { href: url }, t("attachments.pdf"));
  link.setAttribute("download", caption ? `${caption.slice(0, 80)}.pdf` : "document.pdf");
  link.setAttribute("rel", "noopener noreferrer");
  return link;
}

function webLink(a: Extract<InjectAttachment, { kind: "link" }>): HTMLElement {
  const link = own(h("a", { href: a.url, title: a.url }, a.title));
  link.setAttribute("rel", "noopener noreferrer");
  link.setAttribute("target", "_blank");
  link.setAttribute("referrerpolicy", "no-referrer");
  return h(
    "p",
    { class: "inject-attachment small" },
    "🔗 ",
    link,
    h("span", { class: "dim" }, ` ${t("attachments.new-tab")}`),
  );
}

/** The attachments block of an inject's card, or null when it has none. */
export function injectAttachmentsView(i: InjectView, source: AttachmentSource | null): HTMLElement | null {
  const list = i.attachments ?? [];
  if (!list.length) return null;
  return h(
    "div",
    { class: "inject-attachments", role: "group", "aria-label": t("attachments.label") },
    ...list.map((a) => (a.kind === "file" ? image(a, source) : webLink(a))),
  );
}
