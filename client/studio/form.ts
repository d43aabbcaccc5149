// Forms generated from the scenario's JSON Schema: objects are fieldsets, lists have
// add / remove / reorder (long ones collapsed to their titles), unions a kind select.
import { h } from "../ui/dom.ts";
import { t } from "../i18n/index.ts";
import { getAt, joinPath, move, setAt } from "./paths.ts";
import { branchOf, resolve, shapeOf, skeleton, type Node } from "./schema-node.ts";
import { childBase, drawn, joinWords } from "./field-keys.ts";
import { fieldHelp, fieldLabel, kindLabel } from "./field-words.ts";
import { frame, inputId, scalarField } from "./fields.ts";
import { freshId, itemTitle, suggestionsFor } from "./refs.ts";
import { recordField } from "./record-field.ts";
import { choicesField, choicesOf } from "./choices.ts";
import { itemNote, itemTools, listFilter } from "./list-tools.ts";

export interface FormCtx {
  draft(): Record<string, unknown>;
  /** after every edit: validate, refresh the preview */
  changed(path: string): void;
  /** after a part was drawn later (an opened item): mark its issues */
  drawn(el: HTMLElement): void;
}

export interface Slot {
  path: string;
  key: string;
  label: string;
  /** where its words are in the studio-fields catalogue ("injects.title"; field-keys.ts) */
  words: string;
  node: Node;
  optional: boolean;
}

/** The slot's help text in the designer's language (the schema's description). */
export function helpOf(slot: Slot): string | undefined {
  return fieldHelp(slot.words, slot.node);
}

/** The form of one part of the draft. */
export function field(ctx: FormCtx, slot: Slot): HTMLElement {
  const node = resolve(slot.node);
  const shape = shapeOf(node);
  const value = getAt(ctx.draft(), slot.path);
  const write = (v: unknown) => {
    setAt(ctx.draft(), slot.path, v);
    ctx.changed(slot.path);
  };
  const absentOptional = value === undefined && slot.optional && node.default === undefined;
  if (absentOptional && (shape.kind === "object" || shape.kind === "union" || shape.kind === "tuple"))
    return addButton(ctx, slot, node);
  switch (shape.kind) {
    case "object":
      return objectField(ctx, slot, node, shape.props, shape.required);
    case "array":
      return choicesOf(ctx.draft(), slot.key, shape.item)
        ? choicesField(ctx, { ...slot, help: helpOf(slot) }, node, shape.item)
        : listField(ctx, slot, node, shape.item);
    case "tuple":
      return tupleField(ctx, slot, node, shape.items);
    case "union":
      return unionField(ctx, slot, node, shape.branches);
    case "record":
      return recordField(ctx, slot, node, shape.value);
    case "const":
      return h("span", { hidden: true });
    default:
      return scalarField(
        { ...slot, node, help: helpOf(slot), value, write, suggest: () => suggestionsFor(ctx.draft(), slot.key) },
        shape,
      );
  }
}

/** New reference fields start with the first id the draft has for them. */
export function pick(ctx: FormCtx): (key: string) => string | undefined {
  return (key) => suggestionsFor(ctx.draft(), key)[0];
}

/** Redraws a part in place (after a structural change: an item added, a kind chosen). */
export function redraw(ctx: FormCtx, slot: Slot, old: HTMLElement): void {
  const next = field(ctx, slot);
  old.replaceWith(next);
  ctx.drawn(next);
}

function removable(ctx: FormCtx, slot: Slot, node: Node, el: () => HTMLElement): HTMLElement | null {
  if (!slot.optional || node.default !== undefined) return null;
  return h(
    "button",
    {
      type: "button",
      class: "sf-small",
      onclick: () => {
        setAt(ctx.draft(), slot.path, undefined);
        ctx.changed(slot.path);
        redraw(ctx, slot, el());
      },
    },
    t("studio.form.remove-part", { part: slot.label }),
  );
}

function addButton(ctx: FormCtx, slot: Slot, node: Node): HTMLElement {
  const el: HTMLElement = frame(
    slot.path,
    null,
    h(
      "button",
      {
        type: "button",
        class: "sf-add",
        onclick: () => {
          setAt(ctx.draft(), slot.path, skeleton(node, freshId([], slot.key), pick(ctx), slot.key));
          ctx.changed(slot.path);
          redraw(ctx, slot, el);
        },
      },
      t("studio.form.add-part", { part: slot.label }),
    ),
    helpOf(slot),
  );
  return el;
}

function objectField(
  ctx: FormCtx,
  slot: Slot,
  node: Node,
  props: [string, Node][],
  required: Set<string>,
): HTMLElement {
  const base = childBase(slot.words, slot.node);
  const children = props
    .filter(([key, child]) => drawn(key, child))
    .map(([key, child]) => {
      const words = joinWords(base, key);
      return field(ctx, {
        path: joinPath(slot.path, key),
        key,
        label: fieldLabel(words, key),
        words,
        node: child,
        optional: !required.has(key),
      });
    });
  const legend = h(
    "legend",
    {},
    slot.label,
    removable(ctx, slot, node, () => el),
  );
  const el: HTMLElement = h(
    "fieldset",
    { class: "sf-group", "data-path": slot.path },
    legend,
    help(slot),
    h("ul", { class: "sf-errors", role: "alert" }),
    children,
  );
  return el;
}

function unionField(ctx: FormCtx, slot: Slot, node: Node, branches: Node[]): HTMLElement {
  const value = getAt(ctx.draft(), slot.path);
  const current = branchOf(value ?? node.default, branches);
  const id = inputId(`${slot.path}.kind`);
  const select = h("select", { id, "data-union": slot.path });
  if (current < 0) select.append(h("option", { value: "" }, "—"));
  branches.forEach((b, i) => select.append(h("option", { value: String(i) }, kindLabel(b))));
  select.value = current < 0 ? "" : String(current);
  select.addEventListener("change", () => {
    const b = branches[Number(select.value)];
    if (!b) return;
    setAt(ctx.draft(), slot.path, skeleton(b, freshId([], slot.key), pick(ctx), slot.key));
    ctx.changed(slot.path);
    redraw(ctx, slot, el);
  });
  const branch = branches[current];
  const inner =
    branch && shapeOf(branch).kind !== "const" && value !== undefined
      ? field(ctx, {
          ...slot,
          label: t("studio.form.details"),
          words: childBase(slot.words, slot.node),
          node: branch,
          optional: false,
        })
      : null;
  if (inner) inner.removeAttribute("data-path");
  const el: HTMLElement = h(
    "fieldset",
    { class: "sf-group sf-union", "data-path": slot.path },
    h(
      "legend",
      {},
      slot.label,
      removable(ctx, slot, node, () => el),
    ),
    help(slot),
    h("label", { for: id }, t("studio.form.kind")),
    select,
    h("ul", { class: "sf-errors", role: "alert" }),
    inner,
  );
  return el;
}

function tupleField(ctx: FormCtx, slot: Slot, node: Node, items: Node[]): HTMLElement {
  return h(
    "fieldset",
    { class: "sf-group sf-tuple", "data-path": slot.path },
    h("legend", {}, slot.label),
    help(slot),
    h("ul", { class: "sf-errors", role: "alert" }),
    h(
      "div",
      { class: "sf-row" },
      items.map((n, i) =>
        field(ctx, {
          path: joinPath(slot.path, i),
          key: slot.key,
          label: String(i + 1),
          words: childBase(slot.words, slot.node),
          node: n,
          optional: false,
        }),
      ),
    ),
  );
}

/** Lists of objects collapse to their titles; an item is drawn when opened. */
function listField(ctx: FormCtx, slot: Slot, node: Node, item: Node): HTMLElement {
  const list = () => {
    const v = getAt(ctx.draft(), slot.path);
    return Array.isArray(v) ? (v as unknown[]) : [];
  };
  const itemShape = shapeOf(item).kind;
  const folded = itemShape === "object" || itemShape === "union" || itemShape === "record";
  const edit = (fn: (l: unknown[]) => void, open?: number) => {
    const l = [...list()];
    fn(l);
    setAt(ctx.draft(), slot.path, l.length || !slot.optional || node.default !== undefined ? l : undefined);
    ctx.changed(slot.path);
    const next = field(ctx, slot);
    el.replaceWith(next);
    if (open !== undefined)
      next
        .querySelector<HTMLDetailsElement>(`details[data-path="${joinPath(slot.path, open)}"]`)
        ?.setAttribute("open", "");
    ctx.drawn(next);
  };
  const rows = list().map((value, i) => {
    const path = joinPath(slot.path, i);
    const label = t("studio.form.item", { n: i + 1 });
    const tools = itemTools(i, edit, move);
    const words = childBase(slot.words, slot.node);
    const child = () => field(ctx, { path, key: slot.key, label, words, node: item, optional: false });
    if (!folded) return h("div", { class: "sf-item-row" }, child(), tools);
    const title = h("span", { class: "sf-item-title", dir: "auto" }, itemTitle(value));
    const note = h("span", { class: "sf-item-note" }, itemNote(value));
    const summary = h(
      "summary",
      {},
      h("span", { class: "sf-item-n" }, `${i + 1}.`),
      title,
      note,
      h("span", { class: "sf-count" }),
      tools,
    );
    const details = foldedPart(ctx, path, summary, child);
    const retitle = () => {
      const now = getAt(ctx.draft(), path);
      title.textContent = itemTitle(now);
      note.textContent = itemNote(now);
    };
    details.addEventListener("input", retitle);
    details.addEventListener("change", retitle);
    return details;
  });
  const add = h(
    "button",
    {
      type: "button",
      class: "sf-add",
      onclick: () => edit((l) => l.push(skeleton(item, freshId(l, slot.key), pick(ctx), slot.key)), list().length),
    },
    t("studio.form.add-item", { list: slot.label }),
  );
  const el: HTMLElement = h(
    "section",
    { class: "sf-list", "data-path": slot.path, "aria-label": slot.label },
    h(
      "h4",
      {},
      slot.label,
      slot.optional ? h("span", { class: "sf-optional" }, ` ${t("studio.form.optional")}`) : null,
    ),
    help(slot),
    h("ul", { class: "sf-errors", role: "alert" }),
    folded ? listFilter(slot.label, rows) : null,
    rows,
    add,
  );
  return el;
}

/** The slot's help paragraph, or nothing when the schema describes nothing there. */
export function help(slot: Slot): HTMLElement | null {
  const text = helpOf(slot);
  return text ? h("p", { class: "sf-desc" }, text) : null;
}

/** A collapsed part: its summary now, its form drawn the first time it is opened. */
export function foldedPart(
  ctx: FormCtx,
  path: string,
  summary: HTMLElement,
  draw: () => HTMLElement,
): HTMLDetailsElement {
  const details = h("details", { class: "sf-item", "data-path": path }, summary);
  details.addEventListener("toggle", () => {
    if (!details.open || details.childElementCount > 1) return;
    const body = draw();
    body.removeAttribute("data-path");
    details.append(body);
    ctx.drawn(details);
  });
  return details;
}
