// What the studio's routes need from the process that mounts them.
import type { Request } from "express";
import type { Hub } from "../hub.ts";
import type { Limits } from "../guard/limits.ts";

export interface StudioDeps {
  hub: Hub;
  /** the organiser code: when set, every studio route asks for it as the bearer code */
  createCode?: string;
  limits: Limits;
  address: (req: Request) => string;
  /** DATA_DIR (":memory:" in tests): the studio keeps its own files there */
  dataDir: string;
  now?: () => number;
}
