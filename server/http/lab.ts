// The simulation lab over HTTP, and the worker pool the command line shares.
// An organiser starts a run (a scenario, games per profile, a seed); its games
// are played in a worker thread, never on the event loop; one run at a time on
// the whole server; finished runs are kept in memory by scenario, games and
// seed, so asking again costs nothing. On a server with CREATE_CODE, starting
// (or finding) a run needs that code, as the report names every inject of the
// scenario's events list. The run's id is then the key to its progress and
// report: a keyed hash (a secret made at start-up) that only those who started
// or asked for the run learn, so the report opens as a plain page under its
// own Content-Security-Policy (a blob: page would inherit the client's).
import { createHmac, randomBytes } from "node:crypto";
import { Worker } from "node:worker_threads";
import express, { type Request, type Router } from "express";
import { z } from "zod";
import { HttpError } from "../../shared/protocol/http.ts";
import type { Catalogue } from "../catalogue.ts";
import { Limits, sameSecret } from "../guard/limits.ts";
import { Buckets } from "../guard/buckets.ts";
import { ENGINE_VERSION } from "../../shared/engine/index.ts";
import { LAB_WORKER_SOURCE, type LabWorkerMessage } from "../../shared/lab/worker-source.ts";
import { buildReport, defaultAblation, slices, totalGames, type LabJob } from "../../shared/lab/run.ts";
import { PROFILE_IDS } from "../../shared/lab/profiles.ts";
import { labHtml } from "../../shared/lab/html.ts";
import { LANGUAGES, isLang } from "../../shared/i18n/index.ts";
import { LAB_CSP_HEADER } from "../../shared/lab/html-style.ts";
import type { GameSummary, LabReport, LabRunStatus } from "../../shared/lab/types.ts";

/**
 * The most games per profile one request may ask for. A run plays 24 ways (12 profiles, 6 of them again with trust
 * off and with standing off): 500 games each take a few minutes on the one worker thread.
 */
export const LAB_MAX_GAMES = 500;
/** Runs one address may start in 10 minutes (asking for a finished run is free). */
export const LAB_STARTS_PER_10_MIN = 6;
const KEEP_RUNS = 16;

/** Plays a job's games in `workers` threads, slice by slice; resolves with every game (in no set order). */
export function playInWorkers(
  job: LabJob,
  workers: number,
  progress?: (done: number, total: number) => void,
): { games: Promise<GameSummary[]>; stop: () => void } {
  const total = totalGames(job);
  // small slices, handed out as workers free up, so a slow profile does not leave a core idle
  const queue = slices(job, Math.max(workers * 8, Math.ceil(total / 200)));
  const games: GameSummary[] = [];
  const threads: Worker[] = [];
  let done = 0;
  const stop = () => threads.forEach((t) => void t.terminate());
  const module = new URL("../../shared/lab/run.ts", import.meta.url).href;
  const result = new Promise<GameSummary[]>((resolve, reject) => {
    const next = (t: Worker) => {
      const slice = queue.shift();
      if (slice) {
        t.postMessage({ from: slice[0], to: slice[1] });
      } else t.postMessage("stop");
    };
    for (let i = 0; i < Math.min(workers, queue.length); i++) {
      const t = new Worker(LAB_WORKER_SOURCE, { eval: true, workerData: { module, job } });
      t.unref();
      threads.push(t);
      t.on("error", (err) => (stop(), reject(err)));
      t.on("message", (m: LabWorkerMessage) => {
        if (m.kind === "error") {
          stop();
          reject(new Error(m.message));
        } else if (m.kind === "ready") next(t);
        else if (m.kind === "progress") {
          done += m.more;
          progress?.(done, total);
        } else if (m.kind === "done") {
          games.push(...m.games);
          if (games.length === total) {
            stop();
            resolve(games);
          } else next(t);
        }
      });
    }
    if (!total) resolve(games);
  });
  return { games: result, stop };
}

export interface LabRun extends LabRunStatus {
  report: LabReport | null;
}

export interface LabDeps {
  catalogue: Catalogue;
  /** when set, every lab route needs it as the bearer code */
  createCode?: string;
  limits: Limits;
  address: (req: Request) => string;
  now?: () => number;
}

const startBody = z.strictObject({
  scenarioId: z.string().min(1, "name a scenario"),
  games: z
    .number()
    .int("games: a whole number")
    .min(1, "games: at least 1")
    .max(LAB_MAX_GAMES, `games: at most ${LAB_MAX_GAMES} per profile on this server (the command line has no cap)`)
    .default(100),
  seed: z.string().trim().min(1).max(100).default("lab"),
});

/** What the client reads of a run (the report is fetched apart). */
function publicRun(r: LabRun): LabRunStatus {
  const { report: _report, ...rest } = r;
  return rest;
}

/** The lab routes, mounted at /api/lab. */
export function labRouter(deps: LabDeps): Router {
  const { catalogue, createCode, limits, address, now = Date.now } = deps;
  const runs = new Map<string, LabRun>();
  const starts = new Buckets(LAB_STARTS_PER_10_MIN, LAB_STARTS_PER_10_MIN / 600);
  let current: LabRun | null = null;
  const secret = randomBytes(32);
  const router = express.Router();

  const organiser = (req: Request) => {
    if (createCode === undefined) return;
    const at = now();
    const header = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
    if (!header)
      throw new HttpError(401, "create-code-required", "This server asks for its organiser code to use the lab");
    limits.checkCodeTries(address(req), at);
    if (!sameSecret(header[1]!.trim(), createCode)) {
      limits.wrongCode(address(req), at);
      throw new HttpError(403, "wrong-create-code", "That organiser code is not right");
    }
  };
  /** A run by its id; wrong ids count as wrong codes, as an id is a key. */
  const find = (req: Request) => {
    const at = now();
    limits.checkCodeTries(address(req), at);
    const r = runs.get(String(req.params.id));
    if (r) return r;
    limits.wrongCode(address(req), at);
    throw new HttpError(404, "not-found", "No simulation with that id on this server (it may have restarted)");
  };

  router.post("/runs", (req, res) => {
    organiser(req);
    const parsed = startBody.safeParse(req.body ?? {});
    if (!parsed.success)
      throw new HttpError(400, "invalid-request", parsed.error.issues.map((i) => i.message).join("; "));
    const { scenarioId, games, seed } = parsed.data;
    const scenario = catalogue.get(scenarioId);
    if (!scenario) throw new HttpError(404, "unknown-scenario", `There is no scenario "${scenarioId}" on this server`);
    const id = createHmac("sha256", secret)
      .update(JSON.stringify([scenarioId, games, seed, ENGINE_VERSION, scenario])) // a saved draft changed: a new run
      .digest("hex")
      .slice(0, 20);
    const known = runs.get(id);
    if (known && known.status !== "failed") {
      res.status(200).json(publicRun(known));
      return;
    }
    if (current)
      throw new HttpError(
        409,
        "lab-busy",
        `Another simulation is running (${current.scenarioId}, ${Math.floor((100 * current.done) / current.total)}% done); ` +
          "one runs at a time: try again when it has finished",
      );
    if (!starts.take(address(req), now()))
      throw new HttpError(
        429,
        "too-many-simulations",
        `Too many simulations started from this address: at most ${LAB_STARTS_PER_10_MIN} in 10 minutes. ` +
          `Try again in ${starts.waitSeconds(address(req), now())} s`,
      );
    const job: LabJob = { scenario, profiles: [...PROFILE_IDS], games, seed, ablation: defaultAblation(PROFILE_IDS) };
    const run: LabRun = {
      id,
      scenarioId,
      games,
      seed,
      status: "running",
      done: 0,
      total: totalGames(job),
      error: null,
      report: null,
    };
    runs.set(id, run);
    current = run;
    // one worker: the other cores stay free for the exercises this server hosts
    const play = playInWorkers(job, 1, (done) => (run.done = done));
    play.games
      .then((g) => {
        run.report = buildReport(job, g);
        run.status = "done";
        run.done = run.total;
      })
      .catch((err: unknown) => {
        console.error(`Simulation of ${scenarioId} failed: ${(err as Error)?.stack ?? String(err)}`);
        run.status = "failed";
        run.error = "The simulation failed; the server's log says why";
      })
      .finally(() => {
        current = null;
        forgetOld(runs);
      });
    res.status(202).json(publicRun(run));
  });

  router.get("/runs/:id", (req, res) => {
    res.json(publicRun(find(req)));
  });

  router.get("/runs/:id/report", (req, res) => {
    const run = find(req);
    if (!run.report)
      throw new HttpError(409, "not-ready", `The simulation is not finished (${run.done} of ${run.total} games)`);
    const format = req.query.format ?? "html";
    const name = `${run.scenarioId}-lab-${run.games}`;
    if (format === "json") {
      res.setHeader("Content-Disposition", `attachment; filename="${name}.json"`);
      res.json(run.report);
    } else if (format === "html") {
      res.setHeader("Content-Security-Policy", LAB_CSP_HEADER);
      // ?lang= words the report's check titles and headings in a shipped language (English by default)
      const lang = req.query.lang ?? "en";
      if (typeof lang !== "string" || !isLang(lang))
        throw new HttpError(400, "invalid-request", `lang: use one of ${LANGUAGES.map((l) => l.code).join(", ")}`);
      res.type("html").send(labHtml(run.report, lang));
    } else throw new HttpError(400, "invalid-request", "format: use html or json");
  });

  return router;
}

/** Keeps the latest finished runs, so memory stays bounded. */
function forgetOld(runs: Map<string, LabRun>): void {
  const finished = [...runs.values()].filter((r) => r.status !== "running");
  for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_RUNS))) runs.delete(r.id);
}
