// Injects' attachments in SQLite (attachments.sqlite in DATA_DIR): content-addressed, size-limited,
// typed by their bytes. Built-in scenarios' media (scenarios/media/) are loaded in at start-up.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { DatabaseSync } from "node:sqlite";
import { HttpError } from "../../shared/protocol/http.ts";
import { ACCEPTED_TYPES, sniff, type AttachmentMediaType } from "./attachments-sniff.ts";

export const ATTACHMENTS_FILE = "attachments.sqlite";
/** The most files, and bytes in all, the store keeps (a server open to all cannot be filled up by uploads). */
export const ATTACHMENTS_MAX_FILES = 5000;
export const ATTACHMENTS_MAX_TOTAL = 1024 * 1024 * 1024;

/** ATTACHMENT_MAX_BYTES when the configuration does not say. */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export interface AttachmentInfo {
  id: string;
  mediaType: AttachmentMediaType;
  size: number;
  name: string;
}

export interface StoredAttachment extends AttachmentInfo {
  bytes: Uint8Array;
}

interface Row {
  id: string;
  media_type: string;
  size: number;
  name: string;
  bytes: Uint8Array;
}

/** "2 MB", "512 KB": a limit as a person reads it. */
export function readableSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** A file name kept for display and downloads only: plain characters, no path, at most 120 of them. */
export function plainName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 120)
    .trim();
  return clean || "attachment";
}

export class AttachmentStore {
  private readonly db: DatabaseSync;
  /** the largest file accepted (ATTACHMENT_MAX_BYTES) */
  maxBytes: number;

  constructor(dataDir: string, maxBytes: number = DEFAULT_ATTACHMENT_MAX_BYTES) {
    this.maxBytes = maxBytes;
    const file = dataDir === ":memory:" ? ":memory:" : join(dataDir, ATTACHMENTS_FILE);
    if (file !== ":memory:") mkdirSync(dataDir, { recursive: true });
    this.db = new DatabaseSync(file, { timeout: 5000 });
    if (file !== ":memory:") this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS attachments (id TEXT PRIMARY KEY, media_type TEXT NOT NULL, size INTEGER NOT NULL, " +
        "name TEXT NOT NULL, bytes BLOB NOT NULL, added_at INTEGER NOT NULL)",
    );
  }

  /** Checks and keeps a file; the same bytes twice give the same id. Throws 413 or 415 with what was wrong. */
  put(bytes: Uint8Array, name: string | undefined, at: number = Date.now()): AttachmentInfo {
    if (bytes.length > this.maxBytes)
      throw new HttpError(
        413,
        "attachment-too-large",
        `The file is ${readableSize(bytes.length)}; an attachment may be at most ${readableSize(this.maxBytes)}`,
        { size: bytes.length, limit: this.maxBytes },
      );
    const sniffed = sniff(bytes);
    if (!sniffed.ok)
      throw new HttpError(
        415,
        "unsupported-attachment",
        `This file is ${sniffed.found}; attachments may be ${ACCEPTED_TYPES}`,
        { found: sniffed.found, kind: sniffed.kind },
      );
    const id = createHash("sha256").update(bytes).digest("hex");
    if (!this.has(id)) this.checkRoom(bytes.length);
    const info: AttachmentInfo = { id, mediaType: sniffed.mediaType, size: bytes.length, name: plainName(name) };
    this.db
      .prepare(
        "INSERT OR IGNORE INTO attachments (id, media_type, size, name, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(id, info.mediaType, info.size, info.name, bytes, at);
    return info;
  }

  /** The store keeps at most ATTACHMENTS_MAX_FILES files and ATTACHMENTS_MAX_TOTAL bytes: a full one refuses (507). */
  private checkRoom(size: number): void {
    const row = this.db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS total FROM attachments").get() as {
      n: number;
      total: number;
    };
    if (row.n < ATTACHMENTS_MAX_FILES && row.total + size <= ATTACHMENTS_MAX_TOTAL) return;
    throw new HttpError(
      507,
      "attachments-full",
      `The server keeps at most ${ATTACHMENTS_MAX_FILES} attachments and ${readableSize(ATTACHMENTS_MAX_TOTAL)} ` +
        "of them, and it is full: ask its operator",
      { files: ATTACHMENTS_MAX_FILES, limit: ATTACHMENTS_MAX_TOTAL },
    );
  }

  has(id: string): boolean {
    return /^[0-9a-f]{64}$/.test(id) && this.db.prepare("SELECT 1 FROM attachments WHERE id = ?").get(id) !== undefined;
  }

  get(id: string): StoredAttachment | undefined {
    if (!/^[0-9a-f]{64}$/.test(id)) return undefined;
    const row = this.db.prepare("SELECT * FROM attachments WHERE id = ?").get(id) as unknown as Row | undefined;
    if (!row) return undefined;
    const bytes = new Uint8Array(row.bytes);
    return { id: row.id, mediaType: row.media_type as AttachmentMediaType, size: row.size, name: row.name, bytes };
  }

  /** Loads every file of a folder (scenarios/media): the built-in scenarios' images. Returns the refusals, by file. */
  loadFolder(dir: string): { file: string; message: string }[] {
    if (!existsSync(dir)) return [];
    const problems: { file: string; message: string }[] = [];
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      if (!statSync(path).isFile() || file.startsWith(".")) continue;
      try {
        this.put(readFileSync(path), file, 0);
      } catch (err) {
        problems.push({ file, message: (err as Error).message });
      }
    }
    return problems;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

const stores = new Map<string, AttachmentStore>();

/**
 * The one store of a DATA_DIR in this process (the studio's routes, the participants' route and the report share it);
 * a size limit given sets it. ":memory:" is one store for the whole process.
 */
export function attachmentStore(dataDir: string, maxBytes?: number): AttachmentStore {
  let store = stores.get(dataDir);
  if (!store) stores.set(dataDir, (store = new AttachmentStore(dataDir, maxBytes)));
  else if (maxBytes !== undefined) store.maxBytes = maxBytes;
  return store;
}
