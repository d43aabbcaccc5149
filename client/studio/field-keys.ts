// Catalogue keys of the studio's forms (namespace studio-fields): a field's label and help are keyed by its
// path in the schema with list positions dropped ("injects.title"); a named definition (the recursive
// condition) keys its own fields from its name ("condition.at-least-rung"). Pure: Node tools use it too.
import { englishIssueCatalogue, icuLiteral } from "./issue-keys.ts";
import { branchLabel, labelOf, resolve, scenarioSchema, shapeOf, type Node } from "./schema-node.ts";

export const FIELDS_NS = "studio-fields";

/** Keys never edited in forms: the editor hint and the format's version. */
export const HIDDEN = new Set(["$schema", "formatVersion"]);

/** "atLeastRung" → "at-least-rung": a key segment as the catalogues spell them. */
export function kebab(segment: string): string {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function keyOf(words: string, last: string): string {
  return `${FIELDS_NS}.${words.split(".").map(kebab).join(".")}.${last}`;
}

/** A field's words path one key deeper. */
export function joinWords(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function defName(ref: string): string {
  return ref.replace(/^#\/\$defs\//, "");
}

/** Where a node's own fields are keyed: under its definition's name when it is a reference, else where it is. */
export function childBase(words: string, raw: Node): string {
  return raw.$ref ? defName(raw.$ref) : words;
}

export function labelKey(words: string): string {
  return keyOf(words, "label");
}

/** A described node's help key: a bare reference takes its definition's, else the field's own. */
export function helpKey(words: string, raw: Node): string {
  return raw.$ref && raw.description === undefined ? keyOf(defName(raw.$ref), "help") : keyOf(words, "help");
}

/** A union kind's key ("sector-down" → studio-fields.kind.sector-down). */
export function kindKey(branch: Node): string {
  return `${FIELDS_NS}.kind.${kebab(branchLabel(branch))}`;
}

/** Whether a property is drawn as a field (constants, such as a kind's "type", are not). */
export function drawn(key: string, raw: Node): boolean {
  return !HIDDEN.has(key) && resolve(raw).const === undefined;
}

/** The properties of an object node, or of every object branch of a union, in order. */
export function propsOf(node: Node): [string, Node][] {
  const shape = shapeOf(node);
  if (shape.kind === "object") return shape.props;
  if (shape.kind === "union") return shape.branches.flatMap((b) => propsOf(b));
  if (shape.kind === "nullable") return propsOf(resolve(shape.inner));
  return [];
}

/** Every key the forms look up, with its English: the studio-fields catalogue English must equal this. */
export function englishFieldWords(schema: Node = scenarioSchema()): Record<string, string> {
  const out: Record<string, string> = {};
  const walked = new Set<string>();
  const put = (key: string, text: string) => {
    if (out[key] !== undefined && out[key] !== text)
      throw new Error(`${key} has two English texts: "${out[key]}" and "${text}"; give the fields distinct keys`);
    out[key] = text;
  };
  const descend = (raw: Node, base: string) => {
    if (raw.$ref) {
      const name = defName(raw.$ref);
      if (walked.has(name)) return;
      walked.add(name);
    }
    const node = resolve(raw, schema);
    const shape = shapeOf(node);
    if (shape.kind === "object")
      for (const [key, child] of shape.props) {
        if (!drawn(key, child)) continue;
        const words = joinWords(base, key);
        put(labelKey(words), labelOf(key));
        const help = resolve(child, schema).description;
        if (help !== undefined) put(helpKey(words, child), help);
        descend(child, childBase(words, child));
      }
    else if (shape.kind === "array") descendItem(shape.item, base);
    else if (shape.kind === "tuple") for (const item of shape.items) descendItem(item, base);
    else if (shape.kind === "nullable") descend(shape.inner, base);
    else if (shape.kind === "union")
      for (const b of shape.branches) {
        put(kindKey(b), branchLabel(b));
        descend(b, base);
      }
  };
  // a list's items (and a tuple's) are drawn with the list's words: only a reference may bring its own help
  const descendItem = (item: Node, base: string) => {
    const help = resolve(item, schema).description;
    if (help !== undefined) {
      if (!item.$ref || item.description !== undefined)
        throw new Error(`a list item at "${base}" has its own description: give it a key in field-keys.ts`);
      put(helpKey(base, item), help);
    }
    descend(item, childBase(base, item));
  };
  descend(schema, "");
  return out;
}

/** The English catalogue file's content: every looked-up key, its text as an ICU message; then the schema's messages. */
export function englishFieldCatalogue(schema?: Node): Record<string, string> {
  const words = englishFieldWords(schema);
  return {
    ...Object.fromEntries(Object.entries(words).map(([k, v]) => [k, icuLiteral(v)])),
    ...englishIssueCatalogue(),
  };
}
