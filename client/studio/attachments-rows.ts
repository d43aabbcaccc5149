// One attachment of the inject picked in the studio's media panel: its preview (fetched with the organiser's
// headers, shown through a blob URL), its caption or link, and a remove button.
import { h } from "../ui/dom.ts";
import { own } from "../ui/own-words.ts";
import { t } from "../i18n/index.ts";
import { serverUrl } from "../net/api.ts";
import type { InjectAttachment } from "../../shared/scenario/attachments.ts";

export interface RowActions {
  remove(index: number): void;
  caption(index: number, text: string): void;
  headers(): Record<string, string>;
}

/** Blob URLs of previews already fetched, by attachment id, for the page's life. */
const previews = new Map<string, Promise<{ url: string; type: string } | null>>();

function preview(id: string, headers: Record<string, string>): Promise<{ url: string; type: string } | null> {
  let p = previews.get(id);
  if (!p) {
    p = fetch(`${serverUrl()}/api/studio/attachments/${id}`, { headers })
      .then(async (res) => (res.ok ? res.blob() : null))
      .then((blob) => (blob ? { url: URL.createObjectURL(blob), type: blob.type } : null))
      .catch(() => null);
    void p.then((r) => r === null && previews.delete(id));
    previews.set(id, p);
  }
  return p;
}

function fileRow(a: Extract<InjectAttachment, { kind: "file" }>, index: number, act: RowActions): HTMLElement[] {
  const shown = h("div", { class: "small dim", "data-media": "preview" }, t("studio-media.loading"));
  void preview(a.id, act.headers()).then((got) => {
    if (!got) shown.textContent = t("studio-media.preview-failed");
    else if (got.type === "application/pdf") {
      const link = h("a", { href: got.url }, t("studio-media.pdf"));
      link.setAttribute("rel", "noopener noreferrer");
      link.setAttribute("target", "_blank");
      shown.replaceChildren(link);
    } else {
      const img = document.createElement("img");
      img.src = got.url;
      img.alt = a.caption ?? t("studio-media.image");
      img.style.cssText = "max-width: 100%; max-height: 10rem; display: block";
      shown.replaceChildren(img);
    }
  });
  const caption = h("input", {
    type: "text",
    maxlength: 300,
    value: a.caption ?? "",
    placeholder: t("studio-media.caption"),
    "aria-label": t("studio-media.caption"),
    "data-media": "row-caption",
  });
  caption.addEventListener("change", () => act.caption(index, caption.value.trim()));
  return [shown, caption, h("code", { class: "small dim", title: a.id }, `${a.id.slice(0, 12)}…`)];
}

function linkRow(a: Extract<InjectAttachment, { kind: "link" }>): HTMLElement[] {
  const link = own(h("a", { href: a.url }, a.title));
  link.setAttribute("rel", "noopener noreferrer");
  link.setAttribute("target", "_blank");
  return [h("div", {}, "🔗 ", link), own(h("div", { class: "small dim" }, a.url))];
}

/** The row of attachment `index`: its preview or link, and what the designer may change. */
export function attachmentRow(a: InjectAttachment, index: number, act: RowActions): HTMLElement {
  const remove = h("button", { type: "button", class: "small", "data-media": "remove" }, t("studio-media.remove"));
  remove.addEventListener("click", () => act.remove(index));
  return h(
    "div",
    { class: "card", "data-media": "row", "data-kind": a.kind, style: "display: grid; gap: 0.3em; margin: 0.4em 0" },
    ...(a.kind === "file" ? fileRow(a, index, act) : linkRow(a)),
    remove,
  );
}
