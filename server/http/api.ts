// The HTTP API (JSON). Errors are { error: { code, message } } with the right status.
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import { ENGINE_VERSION, currentPhase, rungIndex } from "../../shared/engine/index.ts";
import type { Hub } from "../hub.ts";
import type { GroupRow } from "../store.ts";
import { HttpError, type CellSummary, type JoinTarget } from "../../shared/protocol/http.ts";
import { flatSeat, seatName } from "../../shared/protocol/identity.ts";
import type { LiveExercise } from "../live-exercise.ts";
import { controlCodes, normalizeCode } from "../codes.ts";
import { REPORT_FORMATS, isReportFormat, renderReport } from "../../shared/report/index.ts";
import { budgeted, type ReportMedia } from "../../shared/report/attachments.ts";
import { LANGUAGES, isLang } from "../../shared/i18n/index.ts";
import { compareCell } from "./comparison.ts";
import { describeInvalid } from "../live-exercise.ts";
import { connectedCount, ensureRoom } from "../open-room.ts";
import { Limits, sameSecret } from "../guard/limits.ts";
import { addressOf } from "../guard/address.ts";
import { applySetup, requestedSetup } from "../bots/seats.ts";
import { DEFAULT_BOT_SETTINGS, type BotSettings } from "../bots/settings.ts";
import { selfPacedFields } from "../bots/self-paced.ts";
import { labRouter } from "./lab.ts";
import { scenarioList } from "./scenarios.ts";
import { courseControls } from "./course-controls.ts";
import { checkAdjudication, setUp } from "./review-option.ts";
import { createBody, groupBody, joinBody, plainText } from "./bodies.ts";

export interface ApiDeps {
  hub: Hub;
  version: string;
  /** addresses participants can use to reach this server (PUBLIC_URL first), for join links */
  joinBases?: () => string[];
  /** the key recordings are sealed with */
  sealKey?: string;
  /** if set, creating exercises and courses needs it as the bearer code */
  createCode?: string;
  /** floods from one address are slowed (defaults suit tests and small servers) */
  limits?: Limits;
  /** unfinished exercises this instance keeps at most */
  maxLiveExercises?: number;
  /** behind a reverse proxy: take the caller's address from X-Forwarded-For */
  trustProxy?: boolean;
  /** the pace of bots, and the shortest phase self-paced play may ask for */
  bots?: BotSettings;
  now?: () => number;
  /** the attachments' files, for the HTML report to embed its injects' images */
  media?: ReportMedia;
}

export function apiRouter(deps: ApiDeps): Router {
  const { hub, version, joinBases = () => [], sealKey, createCode, now = Date.now } = deps;
  const limits = deps.limits ?? new Limits({ createPerMinute: 10, wrongCodesPerMinute: 10 });
  const maxLive = deps.maxLiveExercises ?? Infinity;
  const address = (req: Request) => addressOf(req, deps.trustProxy ?? false);
  const selfPaced = z.strictObject(selfPacedFields((deps.bots ?? DEFAULT_BOT_SETTINGS).minPhaseSeconds));
  const selfPacedBody = selfPaced.extend({ scenarioId: createBody.shape.scenarioId, seed: plainText(100).optional() });
  const selfPacedCourse = groupBody.extend({ selfPaced: selfPaced.optional() });
  const api = express.Router();
  api.use(express.json({ limit: "64kb" }));
  /** What every answer about a course starts with. */
  const courseHead = (group: GroupRow) => ({
    groupId: group.id,
    title: group.title,
    scenarioId: group.scenarioId,
    scenarioTitle: hub.catalogue.get(group.scenarioId)?.title ?? group.scenarioId,
  });

  api.get("/health", (_req, res) => {
    // how many exercises are quarantined, never which: the ids and reasons are in the server's log
    const quarantined = hub.store.quarantined().length;
    res.json({
      ok: true,
      version,
      engineVersion: ENGINE_VERSION,
      joinBases: joinBases(),
      createCodeRequired: createCode !== undefined,
      selfPacedMinPhaseSeconds: (deps.bots ?? DEFAULT_BOT_SETTINGS).minPhaseSeconds,
      quarantined,
    });
  });

  /** Without CREATE_CODE everyone is an organiser; with it, a wrong code counts as one and lists the files only. */
  const isOrganiser = (req: Request): boolean => {
    if (createCode === undefined) return true;
    const header = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
    if (!header) return false;
    const at = now();
    limits.checkCodeTries(address(req), at);
    if (sameSecret(header[1]!.trim(), createCode)) return true;
    limits.wrongCode(address(req), at);
    return false;
  };
  api.get("/scenarios", scenarioList(hub.catalogue, isOrganiser));

  /** On a server with CREATE_CODE, only those who know it create exercises; everyone's pace is limited. */
  const mayCreate = (req: Request, count: number) => {
    const at = now();
    if (createCode !== undefined) {
      const header = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
      if (!header)
        throw new HttpError(401, "create-code-required", "This server asks for its organiser code to create exercises");
      limits.checkCodeTries(address(req), at);
      if (!sameSecret(header[1]!.trim(), createCode)) {
        limits.wrongCode(address(req), at);
        throw new HttpError(403, "wrong-create-code", "That organiser code is not right");
      }
    }
    limits.takeCreation(address(req), at, createCode);
    const unfinished = hub.store.countUnfinished();
    if (unfinished + count > maxLive)
      throw new HttpError(
        503,
        "too-many-exercises",
        `This server already holds ${unfinished} unfinished exercises, and its limit is ${maxLive} ` +
          `(MAX_LIVE_EXERCISES). End old exercises or ask its operator to raise the limit.`,
        { unfinished, limit: maxLive },
      );
  };
  /** The exercise or course a bearer code opens, with wrong codes throttled per address. */
  const checked = <T>(req: Request, find: () => T): T => {
    const at = now();
    limits.checkCodeTries(address(req), at);
    try {
      return find();
    } catch (err) {
      if (err instanceof HttpError && (err.status === 403 || err.status === 404)) limits.wrongCode(address(req), at);
      throw err;
    }
  };

  api.post("/exercises", async (req, res) => {
    const body = parse(createBody, req.body);
    const setup = requestedSetup(hub.catalogue.get(body.scenarioId), body);
    mayCreate(req, 1);
    const ex = stored(() => hub.create(body, now()));
    await setUp(ex, setup(ex), body.adjudication);
    await ensureRoom(ex);
    res.status(201).json(created(ex));
  });

  api.get("/exercises/:id", (req, res) => {
    const ex = checked(req, () => facilitatorOnly(hub, req));
    res.json(summary(ex));
  });

  api.get("/exercises/:id/recording", (req, res) => {
    const ex = checked(req, () => facilitatorOnly(hub, req));
    res.setHeader("Content-Disposition", `attachment; filename="${ex.id}-recording.json"`);
    res.json(ex.recording(sealKey));
  });

  api.post("/groups", async (req, res) => {
    const body = parse(selfPacedCourse, req.body);
    const setup = requestedSetup(hub.catalogue.get(body.scenarioId), body);
    checkAdjudication(body.adjudication, body.selfPaced !== undefined);
    mayCreate(req, body.cells);
    const phaseSeconds = body.selfPaced?.phaseSeconds;
    const { group, cells } = stored(() => hub.createGroup({ ...body, phaseSeconds }, now()));
    for (const ex of cells) {
      // the same bots in every cell; a self-paced course: each trainee alone in a cell, bots in the other seats
      await setUp(ex, setup(ex), body.adjudication);
      await ensureRoom(ex);
    }
    res.status(201).json({
      ...courseHead(group),
      code: group.code,
      cells: cells.map(created),
    });
  });

  /** One trainee, one team, bots in every other seat, the server as control (docs/bots.md). */
  api.post("/self-paced", async (req, res) => {
    const body = parse(selfPacedBody, req.body);
    const setup = requestedSetup(hub.catalogue.get(body.scenarioId), { selfPaced: body });
    mayCreate(req, 1);
    const ex = stored(() => hub.create(body, now()));
    await applySetup(ex, setup(ex));
    await ensureRoom(ex);
    res.status(201).json({ ...created(ex), team: body.team, phaseSeconds: body.phaseSeconds });
  });

  api.get("/exercises/:id/report", (req, res) => {
    const ex = checked(req, () => facilitatorOnly(hub, req));
    const format = req.query.format ?? "html";
    if (!isReportFormat(format))
      throw new HttpError(400, "invalid-request", `format: use one of ${REPORT_FORMATS.join(", ")}`);
    // ?lang= writes it in a shipped language (English by default)
    const lang = req.query.lang ?? "en";
    if (typeof lang !== "string" || !isLang(lang))
      throw new HttpError(400, "invalid-request", `lang: use one of ${LANGUAGES.map((l) => l.code).join(", ")}`);
    // the report is made from the exported recording, so it says what a file would say
    const media = deps.media && budgeted(deps.media);
    const r = renderReport(JSON.parse(JSON.stringify(ex.recording(sealKey))), format, sealKey, lang, media);
    if (!r.ok) throw new HttpError(500, "report-failed", r.error);
    res.setHeader("Content-Type", r.contentType);
    if (req.query.download !== undefined) res.setHeader("Content-Disposition", `attachment; filename="${r.filename}"`);
    res.send(r.body);
  });

  api.get("/groups/:id/comparison", (req, res) => {
    const { group, cells } = checked(req, () => courseOnly(hub, req));
    res.json({
      ...courseHead(group),
      cells: cells.map(compareCell),
    });
  });

  api.get("/groups/:id", (req, res) => {
    const { group, cells } = checked(req, () => courseOnly(hub, req));
    res.json({
      ...courseHead(group),
      createdAt: group.createdAt,
      cells: cells.map((ex) => ({ ...summary(ex), connected: connectedCount(ex.id) })),
    });
  });

  /** What a code opens: lets a participant who only has a code find the exercise. */
  api.post("/join", async (req, res) => {
    const { code } = parse(joinBody, req.body);
    const found = checked(req, () => {
      const course = hub.store.groupByCode(normalizeCode(code));
      if (course) return { course };
      const hit = hub.resolve(code);
      if (!hit) {
        refuseRules(hub, hub.lookup(code)?.exerciseId);
        throw new HttpError(
          404,
          "unknown-code",
          "No exercise on this server has that join code. Check the code with your facilitator.",
        );
      }
      return { hit };
    });
    if (found.course) {
      res.json({ course: found.course.id, title: found.course.title, role: "course" });
      return;
    }
    const hit = found.hit!;
    await ensureRoom(hit.exercise);
    const target: JoinTarget = {
      exerciseId: hit.exercise.id,
      roomId: hit.exercise.id,
      title: hit.exercise.row.title,
      ...flatSeat(hit.seat),
      seatName: seatName(hit.exercise.scenario, hit.seat),
      status: hit.exercise.state.status,
    };
    res.json(target);
  });

  api.use(courseControls({ hub, limits, address, now }));
  api.use("/lab", labRouter({ catalogue: hub.catalogue, createCode, limits, address, now }));
  api.use((req) => {
    throw new HttpError(404, "not-found", `No such API route: ${req.method} ${req.originalUrl}`);
  });
  api.use(errorHandler);
  return api;
}

/** The exercise named in the URL, if the bearer code is its facilitator's (or its course's).
 * The code is checked before anything is loaded, and an unknown id is answered like a wrong code. */
function facilitatorOnly(hub: Hub, req: Request): LiveExercise {
  const id = String(req.params.id);
  const code = normalizeCode(bearer(req));
  const refused = new HttpError(
    403,
    "forbidden",
    "Only the exercise's facilitator code gives access to this (check the code and the exercise id)",
  );
  const hit = hub.lookup(code);
  let allowed = hit?.exerciseId === id && hit.seat.role === "facilitator";
  if (!allowed) {
    const course = hub.store.groupByCode(code);
    allowed = course !== undefined && hub.store.getExercise(id)?.groupId === course.id;
  }
  if (!allowed) throw refused;
  const ex = hub.get(id);
  if (!ex) {
    refuseRules(hub, id);
    throw new HttpError(
      503,
      "unavailable",
      "This exercise cannot be loaded right now; the facilitator can check the server's log",
    );
  }
  return ex;
}

/** An exercise recorded under rules this server does not play is answered 409 with the message naming both;
 * one whose stored data is damaged (quarantined) 503 with what to do. Only for callers holding its code. */
function refuseRules(hub: Hub, exerciseId: string | undefined): void {
  const refusal = exerciseId === undefined ? undefined : hub.rulesRefusal(exerciseId);
  if (refusal !== undefined) throw new HttpError(409, "rules-version", refusal);
  const damage = exerciseId === undefined ? undefined : hub.damageRefusal(exerciseId);
  if (damage !== undefined) throw new HttpError(503, "damaged", damage);
}

/** The course named in the URL, if the bearer code is the course's; an unknown id is answered like a wrong code. */
export function courseOnly(hub: Hub, req: Request) {
  const course = hub.store.groupByCode(normalizeCode(bearer(req)));
  if (!course || course.id !== String(req.params.id))
    throw new HttpError(
      403,
      "forbidden",
      "Only the course facilitator's code gives access to this (check the code and the course id)",
    );
  return hub.group(course.id)!;
}

function bearer(req: Request): string {
  const match = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
  if (!match) throw new HttpError(401, "unauthorized", "Send the facilitator's code as: Authorization: Bearer <code>");
  return match[1]!.trim();
}

function created(ex: LiveExercise) {
  const c = ex.row.codes;
  return {
    exerciseId: ex.id,
    roomId: ex.id,
    title: ex.row.title,
    scenarioId: ex.row.scenarioId,
    seed: ex.row.seed,
    codes: controlCodes(c),
  };
}

function summary(ex: LiveExercise): Omit<CellSummary, "connected"> {
  const s = ex.state;
  const o = s.outcome;
  return {
    ...created(ex),
    createdAt: ex.row.createdAt,
    status: s.status,
    outcome: o && { kind: o.kind, reason: o.reason, turn: o.turn },
    turn: s.turn,
    turns: s.scenario.turns,
    ladder: { rungs: s.scenario.ladder.rungs.map((r) => ({ name: r.name, from: r.from })) },
    phase: currentPhase(s)?.name ?? null,
    escalation: s.escalation,
    rung: s.scenario.ladder.rungs[rungIndex(s.scenario.ladder, s.escalation)]!.name,
    commands: ex.commands.length,
    bots: { ...s.bots },
    autopilot: s.autopilot ?? false,
  };
}

/** A write the disk refused is told as such, never with the database's own words. */
function stored<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof HttpError) throw err;
    console.error(`Could not save a new exercise or course: ${(err as Error)?.message ?? String(err)}`);
    throw new HttpError(
      507,
      "storage",
      "The server could not save this (its disk may be full or unwritable). Nothing was created; the facilitator can check the server's log.",
    );
  }
}

export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw new HttpError(400, "invalid-request", describeInvalid(r.error.issues));
  return r.data;
}

function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, params: err.params } });
    return;
  }
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === "entity.parse.failed") {
    res.status(400).json({ error: { code: "bad-json", message: "The request body is not valid JSON" } });
    return;
  }
  if (e.type === "entity.too.large") {
    res.status(413).json({ error: { code: "too-large", message: "The request body is too large (at most 64 KB)" } });
    return;
  }
  if (err instanceof URIError || (e.status !== undefined && e.status >= 400 && e.status < 500)) {
    res
      .status(400)
      .json({ error: { code: "bad-request", message: "The request is malformed (check the address and the body)" } });
    return;
  }
  console.error(`API error: ${(err as Error)?.stack ?? String(err)}`);
  res.status(500).json({
    error: { code: "internal", message: "Something went wrong on the server; the facilitator can check its log" },
  });
}
