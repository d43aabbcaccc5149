// The scenario studio's routes, mounted at /api/studio (docs/protocol.md, "Studio").
import express, { type Router } from "express";
import { HttpError } from "../../shared/protocol/http.ts";
import type { StudioDeps } from "./deps.ts";
import { organiserCheck } from "./organiser.ts";
import { studioErrors } from "./errors.ts";
import { mselRouter } from "./msel-router.ts";
import { attachmentsRouter } from "./attachments-router.ts";
import { Library } from "./library.ts";
import { libraryRoutes } from "./library-routes.ts";
import { attachmentStore } from "./attachments-store.ts";
import { importRoute } from "./library-import.ts";
import { Buckets } from "../guard/buckets.ts";

/** saves, restores, uploads, imports and spreadsheet exports one address may make per minute (bursts of twice that) */
export const STUDIO_WRITES_PER_MINUTE = 60;

const UNAVAILABLE =
  "The studio keeps its scenarios and attachments in this server's own SQLite files, so it needs the single-process " +
  "server: this one shares a PostgreSQL database with other processes (DATABASE_URL)";

/** Scenario bodies are larger than the rest of the API's, so the studio parses its own (up to 2 MB). */
export function studioRouter(deps: StudioDeps): Router {
  const router = express.Router();
  const organiser = organiserCheck(deps);
  const shared = deps.hub.store.shared;
  // the library opens with the server, so saved scenarios are in the catalogue before the studio is first used
  const library = shared ? null : new Library(deps.dataDir);
  deps.hub.catalogue.useSaved(library);
  router.use((req, _res, next) => {
    organiser(req);
    next();
  });
  router.use(["/scenarios", "/attachments"], (_req, _res, next) => {
    if (shared) throw new HttpError(501, "studio-unavailable", UNAVAILABLE);
    next();
  });
  // saves, uploads and spreadsheet reading write to disk or work hard: each address paces them
  const writes = new Buckets(STUDIO_WRITES_PER_MINUTE * 2, STUDIO_WRITES_PER_MINUTE / 60);
  router.use((req, _res, next) => {
    if (req.method !== "POST") return next();
    const at = (deps.now ?? Date.now)();
    const wait = writes.waitSeconds(deps.address(req), at);
    if (!writes.take(deps.address(req), at))
      throw new HttpError(
        429,
        "too-many-studio-writes",
        `Too many saves, uploads or imports from this address: at most ${STUDIO_WRITES_PER_MINUTE} a minute. ` +
          `Try again in ${wait} s`,
        { limit: STUDIO_WRITES_PER_MINUTE, wait },
      );
    next();
  });
  router.use("/attachments", attachmentsRouter(deps));
  router.use(express.json({ limit: "2mb" }));
  router.use("/msel", mselRouter(deps));
  router.use(importRoute());
  const knownFile = (id: string) => attachmentStore(deps.dataDir).has(id);
  if (library) router.use(libraryRoutes(deps.hub.catalogue, library, deps.now ?? Date.now, knownFile));
  router.use(studioErrors);
  return router;
}
