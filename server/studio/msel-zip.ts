// An XLSX file is a zip: before ExcelJS unpacks it in memory, its directory says how large
// it unpacks to, so a small upload cannot swell into gigabytes (a zip bomb).
import { HttpError } from "../../shared/protocol/http.ts";

/** An events list unpacks to a few megabytes; this leaves room for large ones. */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

const notXlsx = () =>
  new HttpError(400, "not-a-spreadsheet", "The file is not an XLSX spreadsheet (its zip directory cannot be read)", {
    format: "xlsx",
  });

/** Throws unless the zip's directory is readable and its files unpack to at most MAX_UNPACKED_BYTES. */
export function checkZipSize(file: Buffer): void {
  const from = Math.max(0, file.length - 22 - 0xffff);
  let end = -1;
  for (let i = file.length - 22; i >= from; i--)
    if (file.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw notXlsx();
  const entries = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const size = file.readUInt32LE(at + 24);
    total += size === 0xffffffff ? Infinity : size;
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  if (total > MAX_UNPACKED_BYTES)
    throw new HttpError(
      413,
      "spreadsheet-too-large",
      `The spreadsheet unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; an events list needs far less`,
      { limit: MAX_UNPACKED_BYTES },
    );
}
