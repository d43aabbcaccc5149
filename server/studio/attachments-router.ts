// Injects' attachments in the studio: upload and preview, mounted at /api/studio/attachments.
import express, { type Router } from "express";
import type { StudioDeps } from "./deps.ts";

export function attachmentsRouter(_deps: StudioDeps): Router {
  return express.Router();
}
