// Course-wide controls: the course facilitator starts, pauses, resumes, advances
// or releases an ad-hoc inject in every cell at once, each cell's command
// recorded in that cell like any other, and the answer says what each cell did.
import express, { type Request, type Router } from "express";
import { z } from "zod";
import type { Hub } from "../hub.ts";
import type { Limits } from "../guard/limits.ts";
import type { Actor } from "../../shared/protocol/identity.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import { audience, channel } from "../../shared/scenario/schema.ts";
import { HttpError } from "../../shared/protocol/http.ts";
import { courseOnly, parse } from "./api.ts";

/** Who the cells' logs name for a course-wide command. */
export const COURSE_ACTOR: Actor = { role: "facilitator", name: "Course control" };

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `at most ${max} characters`);

const controlBody = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("start") }),
  z.strictObject({
    action: z.literal("pause"),
    reason: z.string().trim().max(200, "at most 200 characters").optional(),
  }),
  z.strictObject({ action: z.literal("resume") }),
  z.strictObject({ action: z.literal("advance") }),
  z.strictObject({
    action: z.literal("inject"),
    title: text(200),
    text: text(2000),
    audience,
    channel: channel.optional(),
  }),
]);
export type CourseControl = z.infer<typeof controlBody>;

/** What one cell did with the course's command. */
export type CellControlResult =
  | { exerciseId: string; title: string; ok: true; seq: number }
  | { exerciseId: string; title: string; ok: false; code: string; message: string };

export interface CourseControlDeps {
  hub: Hub;
  limits: Limits;
  address: (req: Request) => string;
  now: () => number;
}

/** POST /groups/:id/control with the course code: one command for every cell of the course. */
export function courseControls(deps: CourseControlDeps): Router {
  const { hub, limits, address, now } = deps;
  const router = express.Router();
  router.post("/groups/:id/control", async (req, res) => {
    const at = now();
    limits.checkCodeTries(address(req), at);
    let found: ReturnType<typeof courseOnly>;
    try {
      found = courseOnly(hub, req);
    } catch (err) {
      if (err instanceof HttpError && err.status === 403) limits.wrongCode(address(req), at);
      throw err;
    }
    const body = parse(controlBody, req.body);
    const command = commandFor(body);
    const loaded = new Map(found.cells.map((ex) => [ex.id, ex]));
    const rows = hub.store.listExercises({ groupId: found.group.id });
    const results = await Promise.all(
      rows.map(async (row): Promise<CellControlResult> => {
        const head = { exerciseId: row.id, title: row.title };
        const ex = loaded.get(row.id);
        if (!ex) return { ...head, ok: false, code: "unavailable", message: "This cell cannot be loaded right now" };
        const r = await ex.submit(COURSE_ACTOR, command, now());
        return r.ok ? { ...head, ok: true, seq: r.seq } : { ...head, ok: false, ...r.error };
      }),
    );
    res.json({ groupId: found.group.id, action: body.action, results });
  });
  return router;
}

function commandFor(b: CourseControl): CommandInput {
  switch (b.action) {
    case "start":
      return { type: "exercise.start" };
    case "pause":
      return { type: "exercise.pause", ...(b.reason ? { reason: b.reason } : {}) };
    case "resume":
      return { type: "exercise.resume" };
    case "advance":
      return { type: "phase.advance" };
    case "inject":
      return {
        type: "inject.create",
        title: b.title,
        body: b.text,
        audience: b.audience,
        channel: b.channel ?? "news",
      };
  }
}
