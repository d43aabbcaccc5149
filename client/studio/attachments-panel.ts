// The studio's media panel: pick an inject of the draft, upload an image or PDF (the server decides its type by
// its content and says why it refuses one), caption it, add a link, see the preview, remove. Changes go through
// ctx.update, so the draft's validation and the save see them like every other edit.
import type { StudioPanel, StudioPanelContext } from "./panel.ts";
import { h, render } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { serverUrl } from "../net/api.ts";
import { MAX_ATTACHMENTS_PER_INJECT, type InjectAttachment } from "../../shared/scenario/attachments.ts";
import { attachmentRow, type RowActions } from "./attachments-rows.ts";
import { refusalWords, type UploadRefusal } from "./attachments-words.ts";

type DraftInject = { id?: unknown; title?: unknown; attachments?: InjectAttachment[] };

function injectsOf(draft: unknown): DraftInject[] {
  const list = (draft as { injects?: unknown } | null)?.injects;
  return Array.isArray(list) ? (list as DraftInject[]) : [];
}

/** A copy of the draft with one inject's attachments replaced (the key dropped when none is left). */
function withAttachments(draft: unknown, index: number, next: InjectAttachment[]): unknown {
  const copy = structuredClone(draft) as { injects: DraftInject[] };
  const inj = copy.injects[index]!;
  if (next.length) inj.attachments = next;
  else delete inj.attachments;
  return copy;
}

function isHttps(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" && u.hostname !== "";
  } catch {
    return false;
  }
}

async function upload(ctx: StudioPanelContext, file: File): Promise<{ id: string; name: string; size: number }> {
  const res = await fetch(`${serverUrl()}/api/studio/attachments`, {
    method: "POST",
    headers: {
      ...ctx.headers(),
      "content-type": "application/octet-stream",
      "x-attachment-name": encodeURIComponent(file.name),
    },
    body: file,
  }).catch(() => null);
  if (!res) throw { status: 0, code: "offline", message: "" } satisfies UploadRefusal;
  const data = (await res.json().catch(() => null)) as { error?: UploadRefusal } & {
    id: string;
    name: string;
    size: number;
  };
  if (!res.ok) throw { ...data?.error, status: res.status } as UploadRefusal;
  return data;
}

export const attachmentsPanel: StudioPanel = (ctx) => {
  const pick = h("select", { "aria-label": t("studio-media.inject"), "data-media": "inject" });
  const list = h("div", { "data-media": "list", role: "group", "aria-label": t("studio-media.list-label") });
  const file = h("input", { type: "file", "aria-label": t("studio-media.file"), "data-media": "file" });
  file.accept = "image/png,image/jpeg,image/gif,image/webp,application/pdf";
  const caption = h("input", {
    type: "text",
    maxlength: 300,
    placeholder: t("studio-media.caption"),
    "data-media": "caption",
  });
  const send = h("button", { type: "button", class: "primary", "data-media": "upload" }, t("studio-media.upload"));
  const linkTitle = h("input", {
    type: "text",
    maxlength: 200,
    placeholder: t("studio-media.link-title"),
    "data-media": "link-title",
  });
  const linkUrl = h("input", { type: "url", placeholder: t("studio-media.link-url"), "data-media": "link-url" });
  const addLink = h("button", { type: "button", "data-media": "add-link" }, t("studio-media.add-link"));
  const status = h("p", { role: "status", "data-media": "status" });
  const error = h("p", { role: "alert", class: "error-text", "data-media": "error" });
  let index = 0;

  const current = (): InjectAttachment[] => injectsOf(ctx.draft())[index]?.attachments ?? [];
  const say = (ok: string, bad = "") => {
    status.textContent = ok;
    error.textContent = bad;
  };
  const change = (next: InjectAttachment[]) => {
    ctx.update(withAttachments(ctx.draft(), index, next));
    draw();
  };
  const room = () => {
    if (current().length < MAX_ATTACHMENTS_PER_INJECT) return true;
    say("", t("studio-media.too-many", { max: MAX_ATTACHMENTS_PER_INJECT }));
    return false;
  };
  const actions: RowActions = {
    remove: (i) => change(current().filter((_, j) => j !== i)),
    caption: (i, text) =>
      change(current().map((a, j) => (j === i && a.kind === "file" ? { ...a, caption: text || undefined } : a))),
    headers: () => ctx.headers(),
  };

  function draw(): void {
    drawn = signature();
    const injects = injectsOf(ctx.draft());
    if (index >= injects.length) index = 0;
    render(
      pick,
      injects.map((inj, i) => {
        const o = h("option", { value: String(i) }, `${String(inj.id ?? i + 1)} — ${String(inj.title ?? "")}`);
        o.selected = i === index;
        return o;
      }),
    );
    pick.disabled = injects.length === 0;
    send.disabled = addLink.disabled = injects.length === 0;
    const items = current();
    render(
      list,
      injects.length === 0
        ? h("p", { class: "dim" }, t("studio-media.no-injects"))
        : items.length
          ? items.map((a, i) => attachmentRow(a, i, actions))
          : h("p", { class: "dim" }, t("studio-media.none")),
    );
  }

  pick.addEventListener("change", () => {
    index = Number(pick.value) || 0;
    say("");
    draw();
  });
  send.addEventListener("click", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return say("", t("studio-media.pick-file"));
    if (!room()) return;
    send.disabled = true;
    say(t("studio-media.uploading"));
    try {
      const got = await upload(ctx, chosen);
      const text = caption.value.trim();
      change([...current(), { kind: "file", id: got.id, ...(text ? { caption: text } : {}) }]);
      say(t("studio-media.uploaded", { name: got.name, size: Math.ceil(got.size / 1024) }));
      file.value = "";
      caption.value = "";
    } catch (err) {
      say("", refusalWords(err as UploadRefusal));
    } finally {
      send.disabled = false;
    }
  });
  addLink.addEventListener("click", () => {
    const title = linkTitle.value.trim();
    const url = linkUrl.value.trim();
    if (!title) return say("", t("studio-media.need-title"));
    if (!isHttps(url)) return say("", t("studio-media.bad-url"));
    if (!room()) return;
    change([...current(), { kind: "link", url, title }]);
    linkTitle.value = linkUrl.value = "";
    say(t("studio-media.link-added"));
  });

  const el = h(
    "section",
    { class: "studio-media", "data-panel": "attachments", "aria-label": t("studio-media.title") },
    h("h3", {}, t("studio-media.title")),
    h("p", { class: "small dim" }, t("studio-media.intro")),
    h("label", {}, t("studio-media.inject"), " ", pick),
    list,
    h("fieldset", {}, h("legend", {}, t("studio-media.add-file")), file, caption, send),
    h("fieldset", {}, h("legend", {}, t("studio-media.add-link-legend")), linkTitle, linkUrl, addLink),
    status,
    error,
  );
  // the forms change the draft under the panel: it is read again when the designer comes back to the panel
  const signature = () => JSON.stringify(injectsOf(ctx.draft()).map((i) => [i.id, i.title, i.attachments]));
  let drawn = "";
  const fresh = () => signature() !== drawn && draw();
  el.addEventListener("pointerenter", fresh);
  el.addEventListener("focusin", fresh);
  draw();
  return el;
};
