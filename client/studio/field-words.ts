// The studio's field words in the designer's language (namespace studio-fields, keys from field-keys.ts),
// falling back to the schema's English (labelOf, the .describe() text) when a key is missing.
import { i18n } from "../i18n/index.ts";
import { branchLabel, labelOf, resolve, scenarioSchema, shapeOf, type Node } from "./schema-node.ts";
import { keysOf } from "./paths.ts";
import { childBase, helpKey, joinWords, kindKey, labelKey, propsOf } from "./field-keys.ts";

/** A field's label: its words path's key ("injects.title"), else the label made from its schema key. */
export function fieldLabel(words: string, key: string): string {
  return i18n().tryT(labelKey(words)) ?? labelOf(key);
}

/** A field's help (undefined when the schema describes nothing there). */
export function fieldHelp(words: string, raw: Node): string | undefined {
  const english = resolve(raw).description;
  if (english === undefined) return undefined;
  return i18n().tryT(helpKey(words, raw)) ?? english;
}

/** A union kind's name in the kind select. */
export function kindLabel(branch: Node): string {
  return i18n().tryT(kindKey(branch)) ?? branchLabel(branch);
}

/** Each segment of a value's path as the designer reads it: "teams.0.name" → ["Teams", "1", "Name"]. */
export function pathLabels(path: string): string[] {
  let node: Node | null = scenarioSchema();
  let base = "";
  return keysOf(path).map((seg) => {
    if (typeof seg === "number") {
      const shape = node ? shapeOf(node) : null;
      const item = shape?.kind === "array" ? shape.item : shape?.kind === "tuple" ? shape.items[seg] : null;
      if (item) base = childBase(base, item);
      node = item ? resolve(item) : null;
      return String(seg + 1);
    }
    const raw = node ? propsOf(node).find(([k]) => k === seg)?.[1] : undefined;
    if (!raw) {
      // a name the designer chose (a language, a text's path in translations): shown as written
      const shape = node ? shapeOf(node) : null;
      node = shape?.kind === "record" ? shape.value : null;
      return seg;
    }
    const words = joinWords(base, seg);
    base = childBase(words, raw);
    node = resolve(raw);
    return fieldLabel(words, seg);
  });
}
