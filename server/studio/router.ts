// The scenario studio's routes, mounted at /api/studio (docs/protocol.md, "Studio").
import express, { type Router } from "express";
import type { StudioDeps } from "./deps.ts";
import { organiserCheck } from "./organiser.ts";
import { studioErrors } from "./errors.ts";
import { mselRouter } from "./msel-router.ts";
import { attachmentsRouter } from "./attachments-router.ts";

/** Scenario bodies are larger than the rest of the API's, so the studio parses its own (up to 2 MB). */
export function studioRouter(deps: StudioDeps): Router {
  const router = express.Router();
  const organiser = organiserCheck(deps);
  router.use((req, _res, next) => {
    organiser(req);
    next();
  });
  router.use("/attachments", attachmentsRouter(deps));
  router.use(express.json({ limit: "2mb" }));
  router.use("/msel", mselRouter(deps));
  router.use(studioErrors);
  return router;
}
