// The events list's files: XLSX through ExcelJS, CSV through papaparse. Rows come from and go to
// shared/studio/msel.ts; here only the file formats, and what makes a file unreadable.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { HttpError } from "../../shared/protocol/http.ts";
import { MAX_ROWS, MSEL_SHEETS, type MselSheet, type SheetTable } from "../../shared/studio/msel.ts";
import { checkZipSize } from "./msel-zip.ts";

export type Rows = (string | number)[][];

/** The sheets' names in a workbook. */
export const SHEET_NAMES: Record<MselSheet, string> = { injects: "Injects", actions: "Actions" };

const WIDTHS: Record<string, number> = { title: 32, text: 60, name: 28, description: 60, trigger: 36, effects: 40 };

/** A workbook with one sheet per entry, the header bold and frozen. */
export async function writeXlsx(sheets: Partial<Record<MselSheet, Rows>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Deconflict";
  for (const sheet of MSEL_SHEETS) {
    const rows = sheets[sheet];
    if (!rows) continue;
    const ws = wb.addWorksheet(SHEET_NAMES[sheet], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRows(rows);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = WIDTHS[String(rows[0]?.[i])] ?? 14));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV with a byte order mark, so spreadsheets open it as UTF-8. */
export function writeCsv(rows: Rows): string {
  return `\uFEFF${Papa.unparse(rows, { newline: "\r\n" })}`;
}

const notA = (format: string, why: string) =>
  new HttpError(400, "not-a-spreadsheet", `The file is not ${format}: ${why}`, { format });

const tooMany = (rows: number) =>
  new HttpError(400, "too-many-rows", `The sheet has ${rows} rows; an events list has at most ${MAX_ROWS}`, {
    rows,
    limit: MAX_ROWS,
  });

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("hyperlink" in v) return String(v.text);
  if ("error" in v) return v.error;
  // a formula the designer typed: its last computed value
  return v.result === undefined ? "" : cellText(v.result as ExcelJS.CellValue);
}

function tableOf(ws: ExcelJS.Worksheet): SheetTable {
  if (ws.actualRowCount > MAX_ROWS + 1) throw tooMany(ws.actualRowCount - 1);
  const width = Math.min(ws.actualColumnCount, 200);
  const lines: { row: number; cells: string[] }[] = [];
  ws.eachRow((row, row_) => {
    const cells: string[] = [];
    for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value));
    lines.push({ row: row_, cells });
  });
  const header = lines[0]?.row === 1 ? lines.shift()!.cells : [];
  return { header, rows: lines };
}

/** Which sheet a header belongs to, for a CSV file or a lone, unnamed sheet. */
export function sheetOfHeader(header: string[]): MselSheet | null {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  if (names.has("turn") || names.has("audience")) return "injects";
  if (names.has("category") || names.has("name")) return "actions";
  return null;
}

const noSheet = (found: string) =>
  new HttpError(
    400,
    "missing-sheet",
    `Found no events list: expected a sheet named Injects or Actions whose first row names the columns (found ${found})`,
  );

/** Reads an XLSX file's Injects and Actions sheets (a lone sheet is recognised by its header). */
export async function readXlsx(file: Buffer): Promise<Partial<Record<MselSheet, SheetTable>>> {
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) {
    const text = file.subarray(0, 512).toString("utf8");
    throw notA(
      "XLSX",
      /[,;\t]/.test(text) && !text.includes("\u0000") ? "it looks like text (CSV?)" : "it is not a zip",
    );
  }
  checkZipSize(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch (err) {
    throw notA("XLSX", `it cannot be opened (${(err as Error).message})`);
  }
  const out: Partial<Record<MselSheet, SheetTable>> = {};
  for (const ws of wb.worksheets) {
    const sheet = MSEL_SHEETS.find((s) => SHEET_NAMES[s].toLowerCase() === ws.name.trim().toLowerCase());
    if (sheet) out[sheet] = tableOf(ws);
  }
  if (!out.injects && !out.actions && wb.worksheets.length === 1) {
    const table = tableOf(wb.worksheets[0]!);
    const sheet = sheetOfHeader(table.header);
    if (sheet) out[sheet] = table;
  }
  if (!out.injects && !out.actions) throw noSheet(`sheets: ${wb.worksheets.map((w) => w.name).join(", ") || "none"}`);
  return out;
}

/** UTF-8, else Windows-1252: what a spreadsheet saves as plain "CSV" in Western European locales. */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(file);
  } catch {
    return new TextDecoder("windows-1252").decode(file);
  }
}

/** Reads a CSV file as one sheet: the one `sheet` names, else the one its header shows. */
export function readCsv(file: Buffer, sheet?: MselSheet): Partial<Record<MselSheet, SheetTable>> {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) throw notA("CSV", "it looks like an XLSX file");
  const text = decodeText(file).replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) throw notA("CSV", "it holds binary data");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === "Quotes");
  if (quote) throw notA("CSV", `row ${(quote.row ?? 0) + 1}: ${quote.message}`);
  const [header = [], ...rest] = parsed.data;
  if (rest.length > MAX_ROWS + 1) throw tooMany(rest.length);
  const which = sheet ?? sheetOfHeader(header);
  if (!which) throw noSheet(`the first row: ${header.slice(0, 6).join(", ") || "empty"}`);
  return { [which]: { header, rows: rest.map((cells, i) => ({ row: i + 2, cells })) } };
}
