// Assembles one Deconflict process: storage, scenarios, exercises, the
// Colyseus server with its rooms, the HTTP API and the built client.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { networkInterfaces } from "node:os";
import type { AddressInfo } from "node:net";
import express, { type Application, type Request, type Response } from "express";
import compression from "compression";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { Config } from "./config.ts";
import { Store } from "./store.ts";
import { Catalogue } from "./catalogue.ts";
import { Hub } from "./hub.ts";
import { apiRouter } from "./http/api.ts";
import { studioRouter } from "./studio/router.ts";
import { exerciseAttachments } from "./studio/exercise-attachments.ts";
import { openAttachments, refuseUnknownMedia } from "./studio/attachments-startup.ts";
import { addressOf } from "./guard/address.ts";
import { securityHeaders } from "./http/headers.ts";
import { exerciseRoom } from "./room/exercise-room.ts";
import { SERVER_ACTOR } from "./phase-timer.ts";
import { integrityKey } from "./integrity-key.ts";
import { Limits } from "./guard/limits.ts";
import { guardMatchmaking } from "./guard/matchmaking.ts";
import { QuietLog } from "./guard/quiet-log.ts";
import { lastErrors } from "./http/last-errors.ts";
import { botSettingsFrom } from "./bots/settings.ts";
import type { Storage } from "./storage/types.ts";
import { PgStore } from "./storage/pg-store.ts";
import { clusterServerOptions, startCluster } from "./cluster/setup.ts";
import { metrics, serveMetrics } from "./ops/metrics.ts";
import type { Logger } from "pino";
import { SERVER_PAUSE_REASONS } from "../shared/protocol/server-pause.ts";

export const VERSION = "0.1.0";
/** Largest message a client may send; commands are far smaller (texts are capped at 2,000 characters). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export interface App {
  hub: Hub;
  port: number;
  /** unfinished exercises found in storage at start-up */
  restored: number;
  close(): Promise<void>;
}

/** Starts a server; unfinished exercises from DATA_DIR come back, paused if they were running. */
export async function startApp(config: Config, log?: Logger): Promise<App> {
  const store: Storage = config.databaseUrl
    ? new PgStore({ url: config.databaseUrl, deadAfterMs: config.ownerTimeoutSeconds * 1000 })
    : new Store(config.dataDir);
  const sealKey = config.sealKey ?? integrityKey(config.dataDir);
  const media = openAttachments(config);
  const catalogue = new Catalogue(config.scenariosDir);
  refuseUnknownMedia(catalogue, media);
  for (const p of catalogue.problems)
    console.warn(`Scenario ${p.file} was not loaded:\n${p.issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
  const hub = new Hub(store, catalogue);
  const limits = new Limits({
    createPerMinute: config.createPerMinute,
    wrongCodesPerMinute: config.wrongCodesPerMinute,
  });
  lockDownMatchmaking();
  const registry = metrics(hub);
  const bots = botSettingsFrom({ delay: config.botDelay, minPhaseSeconds: config.selfPacedMinPhaseSeconds });

  const server = defineServer({
    ...clusterServerOptions(config),
    transport: new WebSocketTransport({ maxPayload: MAX_MESSAGE_BYTES }),
    rooms: {
      exercise: defineRoom(
        exerciseRoom(hub, {
          reconnectGraceSeconds: config.reconnectGraceSeconds,
          idleSeconds: config.roomIdleSeconds,
          bots,
          busy: { lagMs: config.busyLagMs, maxQueuedWrites: config.maxQueuedWrites },
        }),
      ),
    },
    express: (app: Application) => {
      securityHeaders(app);
      app.use(compression({ filter: compressible }));
      app.set("trust proxy", config.trustProxy);
      const { createCode, maxLiveExercises, trustProxy } = config;
      const address = (req: Request) => addressOf(req, trustProxy);
      const studio = { hub, createCode, limits, address, dataDir: config.dataDir };
      app.use("/api/studio", studioRouter(studio));
      app.use("/api", exerciseAttachments(studio));
      app.use(
        "/api",
        apiRouter({
          hub,
          version: VERSION,
          sealKey,
          createCode,
          limits,
          maxLiveExercises,
          trustProxy,
          bots,
          joinBases: () => joinBases(config, port),
          media: (id) => media.get(id),
        }),
      );
      serveMetrics(app, registry, config.metricsToken);
      serveClient(app, config.clientDir);
      app.use(lastErrors);
    },
    // Colyseus's own messages: rate-limited, then into the process's log
    logger: new QuietLog(log && ((line) => log.warn({ component: "colyseus" }, line))),
    greet: false,
    gracefullyShutdown: false,
  });
  let port = config.port;
  await server.listen(config.port, config.host);
  port = (server.transport.server!.address() as AddressInfo).port;
  guardMatchmaking(server.transport.server!, { hub, limits, trustProxy: config.trustProxy });

  const leave = store instanceof PgStore ? await startCluster(config, hub, store) : () => undefined;
  // Rooms open when someone with a code arrives; until then the exercises stay on disk.
  // (With PostgreSQL, exercises left by a process that stopped are taken over instead: server/cluster/setup.ts.)
  const restored = store.shared ? [] : hub.recover();
  // paused as of the last recorded moment: the time since then, the server's
  // downtime included, does not run down the phase timer
  const reason = SERVER_PAUSE_REASONS.restart;
  await Promise.all(
    restored.map((ex) =>
      ex.state.status === "running" ? ex.submit(SERVER_ACTOR, { type: "exercise.pause", reason }, ex.state.now) : null,
    ),
  );
  hub.sweep();
  // exercises loaded for a report or a dashboard, with no room open, leave memory again
  const sweeper = setInterval(() => hub.sweep(), 60_000);
  sweeper.unref();

  return {
    hub,
    port,
    restored: restored.length,
    async close() {
      clearInterval(sweeper);
      leave();
      // shared storage: let go of the exercises first, so that the other processes take them over (paused)
      if (store.shared) store.close();
      await server.gracefullyShutdown(false);
      store.close();
    },
  };
}

/** Colyseus answers only the matchmaking the client uses, and only to its own pages (every origin under `npm run dev`). */
function lockDownMatchmaking(): void {
  const controller = matchMaker.controller as {
    exposedMethods: string[];
    DEFAULT_CORS_HEADERS: Record<string, string>;
    getCorsHeaders: (h: Headers) => Record<string, string>;
  };
  controller.exposedMethods = ["joinById", "reconnect"];
  if (process.env.NODE_ENV === "development") return;
  controller.DEFAULT_CORS_HEADERS = {};
  controller.getCorsHeaders = () => ({});
}

/** Where participants on the network can reach this server: PUBLIC_URL, then this machine's addresses. */
export function joinBases(config: Config, port: number): string[] {
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === "IPv4" && !i.internal)
    .map((i) => `http://${i!.address}:${port}`);
  return [...(config.publicUrl ? [config.publicUrl.replace(/\/$/, "")] : []), ...lan];
}

/** Pages, assets and API answers are compressed for browsers that accept it; Colyseus's matchmaking is left as it is. */
function compressible(req: Request, res: Response): boolean {
  return !/^\/matchmake(\/|$)/.test(req.path) && compression.filter(req, res);
}

/** The built browser client, with index.html for every page that is not an API or asset. */
function serveClient(app: Application, dir: string): void {
  const index = join(dir, "index.html");
  if (!existsSync(index)) {
    app.get("/", (_req, res) => {
      res
        .type("text/plain")
        .send("Deconflict is running, but the browser client has not been built. Run: npm run build");
    });
    return;
  }
  app.use(express.static(dir, { index: false, maxAge: "1h" }));
  app.get(/^\/(?!api\/|matchmake\/).*/, (_req, res) => res.sendFile(index));
}
