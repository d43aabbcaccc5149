// The key this server seals its recordings with, kept in DATA_DIR. A sealed
// recording can be checked by the server that made it.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-file.ts";
import { StartupRefusal } from "./startup-refusal.ts";
import { HISTORY_FILE } from "./storage-files.ts";

export const KEY_FILE = "integrity.key";
/** A shorter key would make the seal guessable. */
export const MIN_KEY_HEX = 32;

/** The server's key: read and checked, or made (written atomically and durably) on first start. */
export function integrityKey(dataDir: string): string {
  if (dataDir === ":memory:") return randomBytes(32).toString("hex");
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) return checkKey(file, readFileSync(file, "utf8"));
  const key = randomBytes(32).toString("hex");
  writeFileAtomic(file, `${key}\n`, { mode: 0o600, durable: true });
  if (existsSync(join(dataDir, HISTORY_FILE)))
    console.warn(
      `WARNING: ${file} was missing although ${dataDir} holds exercises, so a new key was made. ` +
        "Recordings sealed before no longer show as sealed by this server: stop it, put the old key back from a backup if you have one, and start again.",
    );
  return key;
}

/** The key a key file holds; refuses an empty, short or malformed one rather than seal with it. */
export function checkKey(file: string, text: string): string {
  const key = text.trim();
  const fix =
    "It seals this server's recordings, so the server will not start without a good one. Restore it from a backup. " +
    "Only if it is lost for good, delete the file and a new key is made (recordings sealed with the old key then no longer show as sealed by this server).";
  if (!key) throw new StartupRefusal(`The integrity key ${file} is empty. ${fix}`);
  if (!/^[0-9a-f]+$/i.test(key))
    throw new StartupRefusal(
      `The integrity key ${file} is malformed: it must hold hexadecimal digits only (0-9, a-f). ${fix}`,
    );
  if (key.length < MIN_KEY_HEX)
    throw new StartupRefusal(
      `The integrity key ${file} is too short: ${key.length} hexadecimal digits, at least ${MIN_KEY_HEX} are needed. ${fix}`,
    );
  return key;
}
