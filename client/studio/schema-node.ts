// The scenario's JSON Schema (from the zod schema) read as form parts: what kind of
// field each node is, its choices, and the least value a new item of it starts with.
import { z } from "zod";
import { scenario } from "../../shared/scenario/schema.ts";

/** The parts of JSON Schema that zod 4 writes for the scenario. */
export interface Node {
  type?: string | string[];
  description?: string;
  default?: unknown;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  items?: Node | false;
  prefixItems?: Node[];
  anyOf?: Node[];
  oneOf?: Node[];
  $ref?: string;
  $defs?: Record<string, Node>;
}

/** What a node is drawn as. */
export type Shape =
  | { kind: "object"; props: [string, Node][]; required: Set<string> }
  | { kind: "record"; value: Node }
  | { kind: "array"; item: Node }
  | { kind: "tuple"; items: Node[] }
  | { kind: "text"; suggestions: string[] }
  | { kind: "select"; options: string[] }
  | { kind: "number"; integer: boolean; min?: number; max?: number }
  | { kind: "boolean" }
  | { kind: "const"; value: unknown }
  | { kind: "nullable"; inner: Node }
  | { kind: "union"; branches: Node[] };

let root: Node | null = null;

/** The scenario's schema as the studio reads it (input side: fields with defaults are optional). */
export function scenarioSchema(): Node {
  root ??= z.toJSONSchema(scenario, { io: "input" }) as Node;
  return root;
}

/** Follows a "#/$defs/x" reference. */
export function resolve(node: Node, top: Node = scenarioSchema()): Node {
  if (!node.$ref) return node;
  const name = node.$ref.replace(/^#\/\$defs\//, "");
  const target = top.$defs?.[name];
  if (!target) throw new Error(`the scenario schema has no definition "${name}"`);
  return { ...target, description: node.description ?? target.description };
}

/** Nested unions read as one list of branches. */
export function branchesOf(node: Node): Node[] {
  const list = node.anyOf ?? node.oneOf ?? [];
  return list.flatMap((b) => {
    const r = resolve(b);
    if (r.anyOf || r.oneOf) return branchesOf(r);
    // "all" | "none" | a list: each word is a kind of its own
    if (r.type === "string" && r.enum) return r.enum.map((v) => ({ type: "string", const: v }));
    return [r];
  });
}

function stringValues(n: Node): string[] | null {
  if (n.type !== "string") return null;
  if (n.const !== undefined) return [String(n.const)];
  if (n.enum) return n.enum.map(String);
  return null;
}

/** How a node is drawn. */
export function shapeOf(raw: Node): Shape {
  const node = resolve(raw);
  if (node.anyOf || node.oneOf) {
    const branches = branchesOf(node);
    const nonNull = branches.filter((b) => b.type !== "null");
    if (nonNull.length < branches.length && nonNull.length === 1) return { kind: "nullable", inner: nonNull[0]! };
    if (branches.every((b) => b.type === "string")) {
      const closed = branches.map(stringValues);
      const values = closed.flatMap((v) => v ?? []);
      return closed.every((v) => v) ? { kind: "select", options: values } : { kind: "text", suggestions: values };
    }
    return { kind: "union", branches };
  }
  if (node.const !== undefined) return { kind: "const", value: node.const };
  if (node.type === "object") {
    if (node.properties)
      return { kind: "object", props: Object.entries(node.properties), required: new Set(node.required ?? []) };
    const value = typeof node.additionalProperties === "object" ? node.additionalProperties : { type: "string" };
    return { kind: "record", value };
  }
  if (node.type === "array") {
    if (node.prefixItems) return { kind: "tuple", items: node.prefixItems };
    return { kind: "array", item: node.items || {} };
  }
  if (node.type === "string") return node.enum ? { kind: "select", options: node.enum.map(String) } : text();
  if (node.type === "number" || node.type === "integer") {
    const min = node.minimum ?? node.exclusiveMinimum;
    const max = node.maximum !== undefined && node.maximum < 1e15 ? node.maximum : undefined;
    return { kind: "number", integer: node.type === "integer", min, max };
  }
  if (node.type === "boolean") return { kind: "boolean" };
  return text();
}

function text(): Shape {
  return { kind: "text", suggestions: [] };
}

/** A branch's name in the kind select: its "type" (or other constant), its one key ("all", "not"), its value, or "list". */
export function branchLabel(b: Node): string {
  const typeProp = b.properties?.type ?? Object.values(b.properties ?? {}).find((p) => p.const !== undefined);
  if (typeProp?.const !== undefined) return String(typeProp.const);
  if (b.type === "object" && b.required?.length === 1) return b.required[0]!;
  if (b.const !== undefined) return String(b.const);
  if (b.enum) return b.enum.map(String).join(" / ");
  if (b.type === "array") return "list";
  return String(b.type ?? "value");
}

/** Which branch a value is in (-1 when none fits). */
export function branchOf(value: unknown, branches: Node[]): number {
  return branches.findIndex((b) => fits(value, b));
}

function fits(value: unknown, b: Node): boolean {
  if (b.type === "null") return value === null;
  if (b.type === "array") return Array.isArray(value);
  if (b.type === "string") {
    if (typeof value !== "string") return false;
    const closed = stringValues(b);
    return closed ? closed.includes(value) : true;
  }
  if (b.type === "number" || b.type === "integer") return typeof value === "number";
  if (b.type === "boolean") return typeof value === "boolean";
  if (b.type === "object" && typeof value === "object" && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    const typeConst = b.properties?.type?.const;
    if (typeConst !== undefined) return v.type === typeConst;
    return (b.required ?? []).every((k) => k in v);
  }
  return false;
}

/** Fills a new reference field (a team, a rung, a phase) with an id the draft has; undefined leaves it empty. */
export type Pick = (key: string) => string | undefined;

/** The least value of a node: what a new list item or a newly chosen kind starts as. */
export function skeleton(raw: Node, idHint = "new", pick: Pick = () => undefined, key = ""): unknown {
  const node = resolve(raw);
  const shape = shapeOf(node);
  switch (shape.kind) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, child] of shape.props)
        if (shape.required.has(k)) out[k] = k === "id" ? idHint : skeleton(child, idHint, pick, k);
      return out;
    }
    case "record":
      return {};
    case "array":
      return Array.from({ length: node.minItems ?? 0 }, () => skeleton(shape.item, idHint, pick, key));
    case "tuple":
      return shape.items.map((n) => skeleton(n, idHint, pick, key));
    case "text":
      return shape.suggestions[0] ?? pick(key) ?? "";
    case "select":
      return shape.options[0] ?? "";
    case "number":
      // zero when the bounds allow it, else the nearest bound
      if (typeof node.default === "number") return node.default;
      return Math.min(Math.max(0, shape.min ?? 0), shape.max ?? Infinity);
    case "boolean":
      return false;
    case "const":
      return shape.value;
    case "nullable":
      return null;
    case "union":
      return skeleton(shape.branches[0]!, idHint, pick, key);
  }
}

/** Keys whose words alone would not say what they are. */
const LABELS: Record<string, string> = {
  cbms: "CBMs (confidence-building measures)",
  at: "Scheduled release",
  when: "Trigger",
};

/** "durationSeconds" → "Duration seconds": a field's label from its key. */
export function labelOf(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[-_]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
