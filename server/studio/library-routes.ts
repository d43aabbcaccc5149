// The studio's scenario library routes (docs/protocol.md, "Studio"): list, read, save a version, restore, download.
import express, { type Request, type Response, type Router } from "express";
import type { z } from "zod";
import { HttpError } from "../../shared/protocol/http.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { unknownAttachments } from "../../shared/scenario/attachments.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Catalogue } from "../catalogue.ts";
import { parse } from "../http/api.ts";
import type { Library } from "./library.ts";
import {
  LIBRARY_MAX_SCENARIOS,
  LIBRARY_MAX_VERSIONS,
  formatQuery,
  restoreBody,
  saveBody,
  scenarioId,
  versionQuery,
} from "./library-bodies.ts";
import { mediaType, scenarioFile } from "./library-file.ts";

function query<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, "invalid-request", r.error.issues[0]?.message ?? "bad query");
  return r.data;
}

function unknownScenario(id: string): HttpError {
  return new HttpError(404, "unknown-scenario", `There is no scenario "${id}" in the studio`, { scenario: id });
}

/** One scenario at a version: a built-in file's (no versions), or a saved one's (the newest when none is named). */
function find(catalogue: Catalogue, library: Library, req: Request) {
  const id = String(req.params.id);
  const version = query(versionQuery, req.query.version);
  if (catalogue.isBuiltIn(id)) {
    if (version !== undefined)
      throw new HttpError(400, "invalid-request", `version: "${id}" is a built-in file, which has no versions`);
    return { id, builtIn: true, version: null, savedAt: null, source: catalogue.sources.get(id) };
  }
  const saved = library.get(id, version);
  if (!saved && version !== undefined && library.has(id))
    throw new HttpError(404, "unknown-version", `"${id}" has no version ${version}`, { scenario: id, version });
  if (!saved) throw unknownScenario(id);
  return { id, builtIn: false, version: saved.version, savedAt: saved.savedAt, source: saved.source };
}

function summary(s: Scenario) {
  return { title: s.title, turns: s.turns, teams: s.teams.length };
}

/**
 * Mounted under /api/studio once the organiser check has run and JSON bodies are parsed.
 * knownFile: whether the attachments' store holds a file (a scenario naming one it lacks is refused by path).
 */
export function libraryRoutes(
  catalogue: Catalogue,
  library: Library,
  now: () => number,
  knownFile: (id: string) => boolean = () => true,
): Router {
  const router = express.Router();

  router.get("/scenarios", (_req, res) => {
    const builtIn = [...catalogue.builtIn.values()].map((s) => ({
      id: s.id,
      ...summary(s),
      builtIn: true,
      version: null,
      savedAt: null,
    }));
    const saved = library
      .summaries()
      .filter((s) => !catalogue.isBuiltIn(s.id))
      .map((s) => ({ id: s.id, ...summary(s.scenario), builtIn: false, version: s.version, savedAt: s.savedAt }));
    res.json({ scenarios: [...builtIn, ...saved] });
  });

  router.get("/scenarios/:id", (req, res) => {
    const { source, ...found } = find(catalogue, library, req);
    res.json({ ...found, scenario: source, versions: found.builtIn ? [] : library.versions(found.id) });
  });

  router.get("/scenarios/:id/file", (req, res) => {
    const format = query(formatQuery, req.query.format);
    const found = find(catalogue, library, req);
    const name = `${found.id}${found.version === null ? "" : `-v${found.version}`}.${format}`;
    res.setHeader("Content-Disposition", `attachment; filename="${name}"`);
    res.type(mediaType(format)).send(scenarioFile(found.source, format));
  });

  router.post("/scenarios/:id/versions", (req, res) => {
    const id = savableId(catalogue, library, String(req.params.id));
    const body = parse(saveBody, req.body);
    const given = (body.scenario as { id?: unknown } | null)?.id;
    if (typeof given === "string" && given !== id)
      throw new HttpError(
        400,
        "id-mismatch",
        `The scenario's id is "${given}" and the address names "${id}": they must be the same`,
        {
          scenario: id,
        },
      );
    const parsed = parseScenario(body.scenario);
    if (!parsed.ok) return invalid(res, parsed.issues);
    const missing = unknownAttachments(parsed.scenario, knownFile);
    if (missing.length) return invalid(res, missing);
    const saved = library.save(id, body.scenario, now(), body.note || null);
    res.status(201).json({ id, version: saved.version, savedAt: saved.savedAt });
  });

  router.post("/scenarios/:id/restore", (req, res) => {
    const id = savableId(catalogue, library, String(req.params.id));
    const { version } = parse(restoreBody, req.body);
    const old = library.get(id, version);
    if (!old && !library.has(id)) throw unknownScenario(id);
    if (!old)
      throw new HttpError(404, "unknown-version", `"${id}" has no version ${version}`, { scenario: id, version });
    // an old version that no longer validates (a newer format) stays readable but is not made the newest
    const parsed = parseScenario(old.source);
    if (!parsed.ok) return invalid(res, parsed.issues);
    const saved = library.save(id, old.source, now(), old.note, version);
    res.status(201).json({ id, version: saved.version, savedAt: saved.savedAt });
  });

  return router;
}

/** An id the library may save under: well formed, not a built-in file's, within the library's bounds. */
function savableId(catalogue: Catalogue, library: Library, raw: string): string {
  const id = query(scenarioId, raw);
  if (catalogue.isBuiltIn(id))
    throw new HttpError(409, "built-in-scenario", `"${id}" is a built-in scenario file: save it under a new id`, {
      scenario: id,
    });
  const versions = library.versions(id).length;
  if (versions >= LIBRARY_MAX_VERSIONS)
    throw new HttpError(
      409,
      "too-many-versions",
      `"${id}" has ${versions} versions, the most one scenario keeps: save it under a new id`,
      {
        limit: LIBRARY_MAX_VERSIONS,
      },
    );
  if (versions === 0 && library.ids().length >= LIBRARY_MAX_SCENARIOS)
    throw new HttpError(
      409,
      "too-many-scenarios",
      `The studio holds ${LIBRARY_MAX_SCENARIOS} saved scenarios, the most it keeps`,
      {
        limit: LIBRARY_MAX_SCENARIOS,
      },
    );
  return id;
}

function invalid(res: Response, issues: { path: string; message: string }[]): void {
  const first = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
  res.status(400).json({
    error: { code: "invalid-scenario", message: `The scenario does not validate: ${first.join("; ")}`, issues },
  });
}
