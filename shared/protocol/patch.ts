// Small JSON patches between two views of the same participant: the server
// sends only what changed (a chat line appends one item, it does not resend the
// exercise). Arrays that only grew send just their new items. The server makes
// them item by item as commands change the state (shared/engine/view-feed.ts),
// using `diff` on the small parts it compares; unchanged subtrees are skipped
// by reference.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

export type PatchOp =
  { op: "set"; path: Path; value: unknown } | { op: "del"; path: Path } | { op: "push"; path: Path; items: unknown[] };

/** The operations that turn `a` into `b`. */
export function diff(a: unknown, b: unknown, path: Path = [], out: PatchOp[] = []): PatchOp[] {
  if (a === b) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    if (b.length >= a.length) {
      let sameStart = true;
      for (let i = 0; i < common && sameStart; i++) sameStart = a[i] === b[i] || equal(a[i], b[i]);
      if (sameStart) {
        if (b.length > a.length) out.push({ op: "push", path, items: b.slice(a.length) });
        return out;
      }
    }
    if (a.length === b.length) {
      for (let i = 0; i < b.length; i++) diff(a[i], b[i], [...path, i], out);
      return out;
    }
    out.push({ op: "set", path, value: b });
    return out;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(b)) {
      if (!(key in a)) out.push({ op: "set", path: [...path, key], value: b[key] });
      else diff(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(a)) if (!(key in b)) out.push({ op: "del", path: [...path, key] });
    return out;
  }
  if (!equal(a, b)) out.push({ op: "set", path, value: b });
  return out;
}

/** Applies patches to a copy of `doc`, sharing what did not change. */
export function applyPatch<T>(doc: T, ops: readonly PatchOp[]): T {
  let root: unknown = doc;
  for (const op of ops) root = applyOne(root, op, 0);
  return root as T;
}

/**
 * Applies patches to `doc` itself (the caller's own copy: nothing else may share it), in time proportional to
 * the operations, not to the document. Returns the document (a new one only if an operation set the root).
 */
export function applyPatchInPlace<T>(doc: T, ops: readonly PatchOp[]): T {
  let root: unknown = doc;
  for (const op of ops) {
    if (!op.path.length) {
      if (op.op === "set") root = op.value;
      else if (op.op === "push") (root as unknown[]).push(...op.items);
      else throw new Error("cannot delete the root");
      continue;
    }
    let node = root as Record<string | number, unknown>;
    for (let i = 0; i < op.path.length - 1; i++) node = node[op.path[i]!] as Record<string | number, unknown>;
    const key = op.path[op.path.length - 1]!;
    if (op.op === "set") node[key] = op.value;
    else if (op.op === "del") delete node[key];
    else (node[key] as unknown[]).push(...op.items);
  }
  return root as T;
}

function applyOne(node: unknown, op: PatchOp, depth: number): unknown {
  if (depth === op.path.length) {
    if (op.op === "set") return op.value;
    if (op.op === "push") return [...(node as unknown[]), ...op.items];
    throw new Error("cannot delete the root");
  }
  const key = op.path[depth]!;
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[key as number] = applyOne(copy[key as number], op, depth + 1);
    return copy;
  }
  const obj = { ...(node as Record<string, unknown>) };
  if (op.op === "del" && depth === op.path.length - 1) delete obj[key];
  else obj[key] = applyOne(obj[key], op, depth + 1);
  return obj;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k], b[k]));
  }
  return false;
}
