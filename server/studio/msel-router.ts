// The events list as a spreadsheet: export and import (CSV, XLSX), mounted at /api/studio/msel.
import express, { type Router } from "express";
import type { StudioDeps } from "./deps.ts";

export function mselRouter(_deps: StudioDeps): Router {
  return express.Router();
}
