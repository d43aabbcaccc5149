// POST /api/studio/import: a scenario file's text (JSON or YAML) read and checked, nothing saved.
import express, { type Router } from "express";
import { parseScenario, readScenarioText } from "../../shared/scenario/parse.ts";
import { parse } from "../http/api.ts";
import { importBody } from "./library-bodies.ts";

/** The name's extension decides JSON or YAML when it has one; otherwise the text does (JSON opens with a brace). */
function formatOf(name: string | undefined): "json" | "yaml" | undefined {
  if (name === undefined) return undefined;
  if (/\.json$/i.test(name)) return "json";
  if (/\.ya?ml$/i.test(name)) return "yaml";
  return undefined;
}

export function importRoute(): Router {
  const router = express.Router();
  router.post("/import", (req, res) => {
    const { text, name } = parse(importBody, req.body);
    const read = readScenarioText(text, formatOf(name));
    if (!read.ok) {
      res.json({ ok: false, issues: [read.issue] });
      return;
    }
    const parsed = parseScenario(read.value);
    // the file as written (defaults not filled in), also when it does not validate yet, for the studio to fix it
    if (parsed.ok) res.json({ ok: true, scenario: read.value });
    else res.json({ ok: false, issues: parsed.issues, scenario: read.value });
  });
  return router;
}
