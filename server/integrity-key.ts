// The key this server seals its recordings with, kept in DATA_DIR. A sealed
// recording can be checked by the server that made it.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function integrityKey(dataDir: string): string {
  if (dataDir === ":memory:") return randomBytes(32).toString("hex");
  const file = join(dataDir, "integrity.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
