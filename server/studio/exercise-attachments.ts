// A participant's copy of an attachment their own view shows, mounted at /api (exercises/:id/attachments/:attachment).
import express, { type Router } from "express";
import type { StudioDeps } from "./deps.ts";

export function exerciseAttachments(_deps: StudioDeps): Router {
  return express.Router();
}
