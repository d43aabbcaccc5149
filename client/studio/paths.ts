// Paths into the draft: the validator writes "injects[3].title", the forms mark
// fields "injects.3.title"; reading and writing a value at a path.

export type Key = string | number;

/** "injects[3].title" or "injects.3.title" → "injects.3.title"; the root ("(root)") is "". */
export function normalizePath(path: string): string {
  if (path === "(root)" || path === "(file)") return "";
  return path.replace(/\[(\d+)\]/g, ".$1").replace(/^\./, "");
}

/** A path's keys, numbers for list positions (a key with a dot, as translations have, was written %2E). */
export function keysOf(path: string): Key[] {
  const norm = normalizePath(path);
  return norm
    ? norm.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/%2E/g, ".").replace(/%25/g, "%")))
    : [];
}

/** A path one key deeper; a key's own dots are written %2E, so "injects.blackout.body" stays one key. */
export function joinPath(base: string, key: Key): string {
  const seg = typeof key === "number" ? String(key) : key.replace(/%/g, "%25").replace(/\./g, "%2E");
  return base ? `${base}.${seg}` : seg;
}

/** The path itself, then each shorter one up to the root "". */
export function ancestors(path: string): string[] {
  const keys = normalizePath(path).split(".").filter(Boolean);
  const out: string[] = [];
  for (let n = keys.length; n >= 0; n--) out.push(keys.slice(0, n).join("."));
  return out;
}

/** Whether `path` is `base` or inside it. */
export function within(path: string, base: string): boolean {
  return base === "" || path === base || path.startsWith(`${base}.`);
}

function isContainer(v: unknown): v is Record<Key, unknown> {
  return typeof v === "object" && v !== null;
}

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const k of keysOf(path)) {
    if (!isContainer(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets a value, creating the objects on the way; `undefined` removes the key (an optional field left empty). */
export function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = keysOf(path);
  const last = keys.pop();
  if (last === undefined) throw new Error("cannot replace the whole draft through a field");
  let cur: Record<Key, unknown> = root;
  for (const [i, k] of keys.entries()) {
    const next = cur[k];
    if (!isContainer(next)) cur[k] = typeof keys[i + 1] === "number" ? [] : {};
    cur = cur[k] as Record<Key, unknown>;
  }
  if (value === undefined && !Array.isArray(cur)) delete cur[last];
  else cur[last] = value;
}

/** Moves a list item from one position to another (reorder). */
export function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length || from === to) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}
