// What DATA_DIR's files say before SQLite opens them: whether this directory
// had a history (history.json), and whether the database file was emptied or
// cut short. A damaged file is refused here, untouched, rather than taken as new.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-file.ts";
import { StartupRefusal } from "./startup-refusal.ts";

export const DB_FILE = "deconflict.sqlite";
export const HISTORY_FILE = "history.json";

/** How much this data directory had recorded: a lower bound the database must still hold. */
export interface History {
  exercises: number;
  groups: number;
  commands: number;
}

/** history.json as found: absent (a new directory), readable counts, or present but unreadable. */
export type HistoryFound = { kind: "none" } | { kind: "counts"; counts: History } | { kind: "unreadable"; why: string };

export function readHistory(dir: string): HistoryFound {
  const file = join(dir, HISTORY_FILE);
  if (!existsSync(file)) return { kind: "none" };
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<History>;
    const n = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);
    const exercises = n(data.exercises);
    const groups = n(data.groups);
    const commands = n(data.commands);
    if (exercises === undefined || groups === undefined || commands === undefined)
      return { kind: "unreadable", why: "its counts are missing or malformed" };
    return { kind: "counts", counts: { exercises, groups, commands } };
  } catch (err) {
    return { kind: "unreadable", why: (err as Error).message };
  }
}

/** Records the counts; the first write is made durable, later ones only atomic (a lag is harmless: it is a lower bound). */
export function writeHistory(dir: string, counts: History, durable: boolean): void {
  writeFileAtomic(join(dir, HISTORY_FILE), `${JSON.stringify(counts)}\n`, { durable });
}

/** Refuses a database file that is missing, empty or cut short while the directory had a history. */
export function checkDatabaseFile(dir: string, history: HistoryFound): void {
  const file = join(dir, DB_FILE);
  const size = existsSync(file) ? statSync(file).size : -1;
  const had = describeHistory(dir, history);
  const restore =
    `Restore ${file} (with its -wal file, if the backup has one) from a backup. ` +
    `To start afresh instead, move the whole data directory ${dir} aside.`;
  if (size <= 0 && had) {
    const what = size < 0 ? "is missing" : "is empty (0 bytes)";
    throw new StartupRefusal(
      `The database ${file} ${what}, but ${had}. The server will not start as if it were new. ${restore}`,
    );
  }
  if (size <= 0) return;
  const header = readStart(file, 100);
  if (size < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\u0000")
    throw new StartupRefusal(
      `The database ${file} is not a SQLite database, or its first page is damaged (${size} bytes). ${restore}`,
    );
  const cut = cutShort(file, header, size);
  if (cut) throw new StartupRefusal(`The database ${file} is truncated: ${cut}. ${restore}`);
}

function readStart(file: string, bytes: number): Buffer {
  const buf = Buffer.alloc(bytes);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buf, 0, bytes, 0);
  } finally {
    closeSync(fd);
  }
  return buf;
}

/** Why the file is shorter than its own header says, pages missing that the WAL does not hold either. */
function cutShort(file: string, header: Buffer, size: number): string | null {
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `its header gives an impossible page size (${raw})`;
  if (size % pageSize !== 0) return `it ends in the middle of a page (${size} bytes, pages of ${pageSize})`;
  // the header's page count is only valid when its change counter matches "version-valid-for"
  const pages = header.readUInt32BE(28);
  if (header.readUInt32BE(24) !== header.readUInt32BE(92) || pages === 0) return null;
  const onDisk = size / pageSize;
  if (onDisk >= pages) return null;
  // a crash in the middle of a checkpoint can leave the file short; those pages are then in the WAL
  const inWal = walPages(`${file}-wal`, pageSize);
  for (let p = onDisk + 1; p <= pages; p++)
    if (!inWal.has(p))
      return `it holds ${onDisk} pages of the ${pages} its header counts, and the write-ahead log does not hold page ${p}`;
  return null;
}

/** Page numbers of the WAL's frames from its current generation (frames whose salt matches the header). */
function walPages(walFile: string, pageSize: number): Set<number> {
  const pages = new Set<number>();
  if (!existsSync(walFile)) return pages;
  const wal = readFileSync(walFile);
  if (wal.length < 32) return pages;
  const salt = wal.subarray(16, 24);
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(salt)) break;
    pages.add(wal.readUInt32BE(at));
  }
  return pages;
}

/** "history.json says …", or null for a directory with no history. */
export function describeHistory(dir: string, history: HistoryFound): string | null {
  const file = join(dir, HISTORY_FILE);
  if (history.kind === "none") return null;
  if (history.kind === "unreadable") return `${file} shows this directory held exercises before`;
  const h = history.counts;
  if (h.exercises + h.groups + h.commands === 0) return null;
  return `${file} says it held ${plural(h.exercises, "exercise")}, ${plural(h.groups, "course")} and ${plural(h.commands, "recorded command")}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
