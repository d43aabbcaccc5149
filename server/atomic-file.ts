// Writes a file so that a crash leaves either the old content or the new one,
// never a mix or an empty file: temp file, (fsync), rename, (fsync of the folder).
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

export interface AtomicWriteOptions {
  /** permissions of a new file */
  mode?: number;
  /** fsync the file and its folder, so the new content also survives a power cut */
  durable?: boolean;
}

/** Replaces `file` with `data` in one step (see the file comment). */
export function writeFileAtomic(file: string, data: string, opts: AtomicWriteOptions = {}): void {
  // the thread too: the writer thread and the main thread may both write history.json
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${threadId}.tmp`);
  rmSync(tmp, { force: true });
  try {
    const fd = openSync(tmp, "wx", opts.mode ?? 0o644);
    try {
      writeFileSync(fd, data);
      if (opts.durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  if (opts.durable) fsyncDir(dirname(file));
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
