// The events list as a spreadsheet: export and import (CSV, XLSX), mounted at /api/studio/msel.
// Nothing is saved here: the import answers the diff and the merged scenario, the studio saves.
import express, { type Router } from "express";
import { z } from "zod";
import { HttpError } from "../../shared/protocol/http.ts";
import { applyMsel, MselFileError, sheetRows, type MselSheet } from "../../shared/studio/msel.ts";
import { parse } from "../http/api.ts";
import type { StudioDeps } from "./deps.ts";
import { readCsv, readXlsx, writeCsv, writeXlsx } from "./msel-files.ts";

const scenario = z.custom<Record<string, unknown>>(
  (v) => typeof v === "object" && v !== null && !Array.isArray(v),
  "scenario: the scenario object is missing",
);
const format = z.enum(["csv", "xlsx"], "format: use csv or xlsx");
const sheet = z.enum(["injects", "actions"], "sheet: use injects or actions");

const exportBody = z.strictObject({ scenario, format, sheet: sheet.optional() });
const importBody = z.strictObject({
  scenario,
  format,
  sheet: sheet.optional(),
  file: z
    .string("file: the file, as base64")
    .min(1, "file: the file is empty")
    .regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, "file: not base64"),
});

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A file name from the scenario's id, never from other text. */
function fileName(sc: Record<string, unknown>, part: string, ext: string): string {
  const id = typeof sc.id === "string" && /^[a-z0-9][a-z0-9-]{0,99}$/.test(sc.id) ? sc.id : "scenario";
  return `${id}-${part}.${ext}`;
}

/** The name is made of [a-z0-9-.] only, so it needs no escaping. */
const attachment = (name: string) => `attachment; filename="${name}"`;

export function mselRouter(_deps: StudioDeps): Router {
  const router = express.Router();

  router.post("/export", async (req, res) => {
    const body = parse(exportBody, req.body);
    if (body.format === "xlsx") {
      const file = await writeXlsx({
        injects: sheetRows(body.scenario, "injects"),
        actions: sheetRows(body.scenario, "actions"),
      });
      res.set("content-disposition", attachment(fileName(body.scenario, "msel", "xlsx")));
      res.type(XLSX_TYPE).send(file);
      return;
    }
    const which: MselSheet = body.sheet ?? "injects";
    const text = writeCsv(sheetRows(body.scenario, which));
    res.set("content-disposition", attachment(fileName(body.scenario, which, "csv")));
    res.type("text/csv; charset=utf-8").send(text);
  });

  router.post("/import", async (req, res) => {
    const body = parse(importBody, req.body);
    const file = Buffer.from(body.file, "base64");
    if (file.length === 0) throw new HttpError(400, "invalid-request", "file: the file is empty");
    const tables = body.format === "xlsx" ? await readXlsx(file) : readCsv(file, body.sheet);
    try {
      res.json(applyMsel(body.scenario, tables));
    } catch (err) {
      if (err instanceof MselFileError) throw new HttpError(400, err.code, err.message, err.params);
      throw err;
    }
  });

  return router;
}
