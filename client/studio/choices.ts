// A list of names picked from a known set (an inject's audience, the teams an action is for,
// protected sectors, the measures an agreement needs): one checkbox each, not typed.
import { h } from "../ui/dom.ts";
import { getAt, setAt } from "./paths.ts";
import { shapeOf, type Node } from "./schema-node.ts";
import { inputId } from "./fields.ts";
import { suggestionsFor } from "./refs.ts";

/** Lists whose items name ids the draft has: drawn as checkboxes of those ids. */
const PICKED = new Set(["audience", "availableTo", "cbms"]);

interface ChoiceSlot {
  path: string;
  key: string;
  label: string;
  optional: boolean;
  /** the schema's description in the designer's language */
  help?: string;
}

export interface ChoiceCtx {
  draft(): Record<string, unknown>;
  changed(path: string): void;
}

/** The choices of a list, or null when it is typed item by item. */
export function choicesOf(draft: unknown, key: string, item: Node): string[] | null {
  const shape = shapeOf(item);
  if (shape.kind === "select") return shape.options;
  if (shape.kind === "text" && PICKED.has(key))
    return [...new Set([...shape.suggestions, ...suggestionsFor(draft, key)])];
  return null;
}

/** The checkboxes; values the draft has outside the known set (an id since renamed) stay listed, to be unticked. */
export function choicesField(ctx: ChoiceCtx, slot: ChoiceSlot, node: Node, item: Node): HTMLElement {
  const current = (): string[] => {
    const v = getAt(ctx.draft(), slot.path);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  };
  const box = h("div", { class: "sf-choices" });
  let shown = "";
  const draw = () => {
    const options = choicesOf(ctx.draft(), slot.key, item) ?? [];
    const all = [...options, ...current().filter((v) => !options.includes(v))];
    if (all.join("\n") === shown) return;
    shown = all.join("\n");
    const picked = new Set(current());
    box.replaceChildren(
      ...all.map((value) => {
        const id = inputId(`${slot.path}.=${value}`);
        const input = h("input", { type: "checkbox", id, value, checked: picked.has(value) });
        input.addEventListener("change", () => {
          const on = new Set([...box.querySelectorAll<HTMLInputElement>("input:checked")].map((i) => i.value));
          // the order the file has stays; a newly ticked name comes last
          const kept = current().filter((v) => on.has(v));
          const next = [...kept, ...all.filter((v) => on.has(v) && !kept.includes(v))];
          const empty = !next.length && slot.optional && node.default === undefined;
          setAt(ctx.draft(), slot.path, empty ? undefined : next);
          ctx.changed(slot.path);
        });
        return h("label", { class: "inline sf-choice", for: id }, input, h("span", { dir: "auto" }, value));
      }),
    );
  };
  draw();
  const el = h(
    "fieldset",
    { class: "sf-group sf-choices-group", "data-path": slot.path },
    h("legend", {}, slot.label),
    slot.help ? h("p", { class: "sf-desc" }, slot.help) : null,
    box,
    h("ul", { class: "sf-errors", role: "alert" }),
  );
  // teams, measures or rungs may have changed since: the choices follow when the designer comes back
  el.addEventListener("pointerenter", draw);
  el.addEventListener("focusin", draw);
  return el;
}
