// The spreadsheet routes over real HTTP: export XLSX and CSV, edit them with ExcelJS and
// papaparse as a designer's spreadsheet would, import, and read the diff and the bad row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import type { MselDiff } from "../../shared/studio/msel.ts";

const CODE = "studio-organiser";
let server: TestServer;
const sc = rawScenario("grid-intrusion");
const injects = sc.injects as { id: string; title: string; body: string }[];

beforeAll(async () => {
  server = await startTestServer({ CREATE_CODE: CODE });
});
afterAll(() => server.close());

async function post(path: string, body: unknown, code: string | null = CODE) {
  return fetch(`${server.url}/api/studio/msel${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(code ? { authorization: `Bearer ${code}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function exported(format: "csv" | "xlsx", sheet?: "injects" | "actions"): Promise<Buffer> {
  const res = await post("/export", { scenario: sc, format, sheet });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

interface ImportReply {
  diff: MselDiff & { actions: MselDiff };
  problems: unknown[];
  scenario: { injects: Record<string, unknown>[] } | null;
  issues: unknown[];
  error?: { code: string; message: string; params?: unknown };
}

async function imported(format: "csv" | "xlsx", file: Buffer, scenario: unknown = sc) {
  const res = await post("/import", { scenario, format, file: file.toString("base64") });
  return { status: res.status, body: (await res.json()) as ImportReply };
}

async function workbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

function columnOf(ws: ExcelJS.Worksheet, name: string): number {
  const header = ws.getRow(1).values as unknown[];
  const i = header.indexOf(name);
  if (i < 1) throw new Error(`no column ${name}`);
  return i;
}

describe("XLSX", () => {
  it("exports two sheets with a row per inject and per action, as a download", async () => {
    const res = await post("/export", { scenario: sc, format: "xlsx" });
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="grid-intrusion-msel.xlsx"');
    const wb = await workbook(Buffer.from(await res.arrayBuffer()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Injects", "Actions"]);
    const ws = wb.getWorksheet("Injects")!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 10)).toEqual([
      "id",
      "turn",
      "phase",
      "channel",
      "audience",
      "title",
      "text",
      "trigger",
      "effects",
    ]);
    expect(ws.actualRowCount).toBe(injects.length + 1);
    expect(wb.getWorksheet("Actions")!.actualRowCount).toBe((sc.actions as unknown[]).length + 1);
    expect(ws.getCell(2, columnOf(ws, "effects")).value).toBe("escalation +6; sector valdoria energy -30");
  });

  it("imports an edited workbook: the diff, then the one bad row by row and column", async () => {
    const wb = await workbook(await exported("xlsx"));
    const ws = wb.getWorksheet("Injects")!;
    ws.getCell(3, columnOf(ws, "title")).value = "Control's updated truth";
    const added = ws.addRow([]);
    const cells: Record<string, string | number> = {
      id: "ransom-note",
      turn: 2,
      phase: "briefing",
      channel: "social",
      audience: "all",
      title: "A ransom note",
      text: "Someone claims the blackout.",
      effects: "escalation +2",
    };
    for (const [k, v] of Object.entries(cells)) added.getCell(columnOf(ws, k)).value = v;
    let r = await imported("xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(200);
    expect(r.body.problems).toMatchObject([]);
    expect(r.body.diff).toEqual({
      added: ["ransom-note"],
      changed: [{ id: injects[1]!.id, fields: ["title"] }],
      removed: [],
      actions: { added: [], changed: [], removed: [] },
    });
    expect(r.body.issues).toEqual([]);
    expect(r.body.scenario?.injects.at(-1)).toEqual({
      id: "ransom-note",
      at: { turn: 2, phase: "briefing" },
      channel: "social",
      audience: ["all"],
      title: "A ransom note",
      body: "Someone claims the blackout.",
      effects: [{ type: "escalation", delta: 2 }],
    });

    added.getCell(columnOf(ws, "turn")).value = "seven";
    r = await imported("xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.body.scenario).toBeNull();
    expect(r.body.problems).toMatchObject([
      {
        sheet: "injects",
        row: injects.length + 2,
        column: "turn",
        message: `expected a whole number from 1 to ${sc.turns}, got "seven"`,
      },
    ]);
  });

  it("refuses a file that is not a spreadsheet, and a workbook without the events list", async () => {
    let r = await imported("xlsx", Buffer.from("<html><script>alert(1)</script></html>"));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "not-a-spreadsheet" });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["cost", "owner"]);
    r = await imported("xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "missing-sheet", message: expect.stringContaining("sheets: Budget") });
  });

  it("names a missing column", async () => {
    const wb = await workbook(await exported("xlsx"));
    const ws = wb.getWorksheet("Injects")!;
    ws.spliceColumns(columnOf(ws, "audience"), 1);
    const r = await imported("xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "missing-column", params: { sheet: "injects", column: "audience" } });
  });
});

describe("CSV", () => {
  it("exports the injects or the actions, and imports an edited file with its diff and bad row", async () => {
    const res = await post("/export", { scenario: sc, format: "csv", sheet: "actions" });
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="grid-intrusion-actions.csv"');
    const text = (await exported("csv")).toString("utf8");
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(injects.length + 1);
    const col = (name: string) => rows[0]!.indexOf(name);
    rows[1]![col("text")] = "Rewritten body.";
    rows.splice(2, 1);
    rows[4]![col("audience")] = "everyone";
    let r = await imported("csv", Buffer.from(Papa.unparse(rows)));
    expect(r.body.problems).toMatchObject([
      {
        sheet: "injects",
        row: 5,
        column: "audience",
        message: expect.stringContaining('"everyone" is not an audience'),
      },
    ]);
    rows[4]![col("audience")] = "facilitator";
    r = await imported("csv", Buffer.from(Papa.unparse(rows)));
    expect(r.body.problems).toMatchObject([]);
    expect(r.body.diff).toMatchObject({
      changed: [
        { id: injects[0]!.id, fields: ["text"] },
        { id: injects[4]!.id, fields: ["audience"] },
      ],
      removed: [injects[1]!.id],
    });
  });

  it("imports the actions' CSV, known by its header", async () => {
    const text = (await exported("csv", "actions")).toString("utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const actions = sc.actions as { id: string; cost?: number }[];
    rows[1]![rows[0]!.indexOf("cost")] = String((actions[0]!.cost ?? 1) + 2);
    const r = await imported("csv", Buffer.from(Papa.unparse(rows)));
    expect(r.body.problems).toMatchObject([]);
    expect(r.body.diff.actions).toEqual({
      added: [],
      changed: [{ id: actions[0]!.id, fields: ["cost"] }],
      removed: [],
    });
    expect(r.body.diff.changed).toEqual([]);
  });

  it("reads what a spreadsheet saves as plain CSV in French: semicolons, Windows-1252", async () => {
    const text = (await exported("csv")).toString("utf8").replace(/^\uFEFF/, "");
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    rows[1]![rows[0]!.indexOf("title")] = "Panne géante à la capitale";
    const latin1 = Buffer.from(Papa.unparse(rows, { delimiter: ";" }), "latin1");
    const r = await imported("csv", latin1);
    expect(r.body.problems).toMatchObject([]);
    expect(r.body.diff.changed).toEqual([{ id: injects[0]!.id, fields: ["title"] }]);
    expect(r.body.scenario?.injects[0]!.title).toBe("Panne géante à la capitale");
  });

  it("refuses an XLSX sent as CSV, and too many rows", async () => {
    let r = await imported("csv", await exported("xlsx"));
    expect(r.body.error).toMatchObject({ code: "not-a-spreadsheet", message: expect.stringContaining("XLSX") });
    const text = (await exported("csv")).toString("utf8");
    const lines = Array.from({ length: 2001 }, (_, i) => `row-${i},1,briefing,news,all,Title,Text,,`);
    r = await imported("csv", Buffer.from([text.split("\r\n")[0], ...lines].join("\r\n")));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "too-many-rows" });
  });
});

describe("formula cells", () => {
  const risky = ['=HYPERLINK("http://evil.example","click")', "+1+2", "-5 casualties", "@SUM(A1)"];
  const withFormulas = { ...sc, injects: injects.map((i, n) => (n < risky.length ? { ...i, title: risky[n]! } : i)) };

  it("are written behind an apostrophe in CSV and XLSX, never as formulas, and read back unchanged", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const res = await post("/export", { scenario: withFormulas, format });
      const file = Buffer.from(await res.arrayBuffer());
      if (format === "csv") {
        const rows = Papa.parse<string[]>(file.toString("utf8").replace(/^\uFEFF/, "")).data;
        const titles = rows.slice(1, 5).map((r) => r[rows[0]!.indexOf("title")]);
        expect(titles).toEqual(risky.map((t) => `'${t}`));
      } else {
        const ws = (await workbook(file)).getWorksheet("Injects")!;
        for (let n = 0; n < risky.length; n++) {
          const cell = ws.getCell(n + 2, columnOf(ws, "title"));
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(`'${risky[n]}`);
        }
      }
      const r = await imported(format, file, withFormulas);
      expect(r.body.problems).toMatchObject([]);
      expect(r.body.diff.changed).toEqual([]);
      expect(JSON.stringify(r.body.scenario)).toBe(JSON.stringify(withFormulas));
    }
  });
});

describe("organiser code", () => {
  it("is asked for on every spreadsheet route", async () => {
    expect((await post("/export", { scenario: sc, format: "csv" }, null)).status).toBe(401);
    expect((await post("/import", { scenario: sc, format: "csv", file: "aWQ=" }, "guess")).status).toBe(403);
  });

  it("names a bad request body", async () => {
    const res = await post("/export", { scenario: sc, format: "pdf" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("format: use csv or xlsx");
  });
});

/** A zip of one stored file whose directory says it unpacks to `declared` bytes (a zip bomb's claim). */
function zipClaiming(declared: number): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const data = Buffer.from("<workbook/>");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("a zip bomb", () => {
  it("is refused from its directory, before it is unpacked", async () => {
    const r = await imported("xlsx", zipClaiming(200 * 1024 * 1024));
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: "spreadsheet-too-large", params: { limit: 64 * 1024 * 1024 } });
    // a claim of its true size passes the check, and ExcelJS then finds no sheet in it
    const small = await imported("xlsx", zipClaiming(11));
    expect(small.body.error).toMatchObject({ code: "missing-sheet" });
  });
});
