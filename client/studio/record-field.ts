// A map of named entries in the studio's forms: the scenario's translations (language → text key → text).
import { h } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { getAt, joinPath, setAt } from "./paths.ts";
import { shapeOf, skeleton, type Node } from "./schema-node.ts";
import { inputId } from "./fields.ts";
import { field, foldedPart, help, pick, redraw, type FormCtx, type Slot } from "./form.ts";
import { childBase } from "./field-keys.ts";

/** A map of named entries (translations: language → key → text). */
export function recordField(ctx: FormCtx, slot: Slot, node: Node, value: Node): HTMLElement {
  const obj = () => {
    const v = getAt(ctx.draft(), slot.path);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  };
  const commit = (next: Record<string, unknown>) => {
    const empty = !Object.keys(next).length && slot.optional && node.default === undefined;
    setAt(ctx.draft(), slot.path, empty ? undefined : next);
    ctx.changed(slot.path);
    redraw(ctx, slot, el);
  };
  const valueShape = shapeOf(value).kind;
  const folded = valueShape === "record" || valueShape === "object";
  const entries = Object.keys(obj()).map((key) => {
    const path = joinPath(slot.path, key);
    const remove = h(
      "button",
      {
        type: "button",
        class: "sf-small danger",
        "aria-label": t("studio.form.remove-entry", { key }),
        onclick: () => {
          const next = { ...obj() };
          delete next[key];
          commit(next);
        },
      },
      "✕",
    );
    // an entry is named by the designer (a language, a text's path): its label is that name
    const words = childBase(slot.words, slot.node);
    const child = () => field(ctx, { path, key, label: key, words, node: value, optional: false });
    if (!folded) return h("div", { class: "sf-entry sf-item-row" }, child(), remove);
    // a language's texts: collapsed to its code and how many, drawn when opened
    const inner = obj()[key];
    const size = typeof inner === "object" && inner !== null ? Object.keys(inner).length : 0;
    const summary = h(
      "summary",
      {},
      h("code", { class: "sf-item-title", dir: "ltr" }, key),
      h("span", { class: "dim" }, t("studio.form.entries", { n: size })),
      h("span", { class: "sf-count" }),
      remove,
    );
    return foldedPart(ctx, path, summary, child);
  });
  const keyId = inputId(`${slot.path}.new-key`);
  const newKey = h("input", { id: keyId, type: "text", autocomplete: "off", dir: "ltr" });
  const add = h(
    "button",
    {
      type: "button",
      class: "sf-add",
      onclick: () => {
        const k = newKey.value.trim();
        if (!k || k in obj()) return;
        commit({ ...obj(), [k]: skeleton(value, k, pick(ctx), k) });
      },
    },
    t("studio.form.add-entry"),
  );
  const el: HTMLElement = h(
    "fieldset",
    { class: "sf-group sf-record", "data-path": slot.path },
    h("legend", {}, slot.label),
    help(slot),
    h("ul", { class: "sf-errors", role: "alert" }),
    entries,
    h("div", { class: "sf-row" }, h("label", { for: keyId }, t("studio.form.new-key")), newKey, add),
  );
  return el;
}
