// Prometheus metrics at /metrics (prom-client): exercises live, participants
// connected, commands accepted and refused by reason, command and storage
// latency, and Node's own. Behind a bearer token when METRICS_TOKEN is set,
// else only for callers on this machine.
import { timingSafeEqual } from "node:crypto";
import type { Application, Request, Response } from "express";
import { matchMaker } from "@colyseus/core";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Hub } from "../hub.ts";
import { observeCommands } from "../live-exercise.ts";
import { groupTimings } from "../store-commit.ts";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** One registry per process; the counters hear of every command and every group written. */
export function metrics(hub: Hub): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "deconflict_node_" });
  new Gauge({
    name: "deconflict_exercises_live",
    help: "Exercises this process holds in memory (as their owner)",
    registers: [registry],
    collect() {
      this.set(hub.all().length);
    },
  });
  new Gauge({
    name: "deconflict_participants_connected",
    help: "Connections to this process's exercise rooms",
    registers: [registry],
    collect() {
      let n = 0;
      for (const ex of hub.all()) n += matchMaker.getLocalRoomById(ex.id)?.clients.length ?? 0;
      this.set(n);
    },
  });
  const commands = new Counter({
    name: "deconflict_commands_total",
    help: "Commands accepted, and refused by reason (the refusal's code)",
    labelNames: ["result", "reason"] as const,
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: "deconflict_command_seconds",
    help: "From a command's arrival to its acknowledgement (durable) or refusal",
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const storageSeconds = new Histogram({
    name: "deconflict_storage_write_seconds",
    help: "Time to make one group of commands durable",
    labelNames: ["result"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const storedCommands = new Counter({
    name: "deconflict_storage_commands_total",
    help: "Commands written to storage",
    registers: [registry],
  });
  observeCommands((r, seconds) => {
    commandSeconds.observe(seconds);
    if (r.ok) commands.inc({ result: "accepted", reason: "" });
    else commands.inc({ result: "refused", reason: r.error.code });
  });
  groupTimings.observe = (seconds, count, ok) => {
    storageSeconds.observe({ result: ok ? "ok" : "failed" }, seconds);
    if (ok) storedCommands.inc(count);
  };
  return registry;
}

/**
 * GET /metrics; with a token, only for `Authorization: Bearer <token>`; without one, only from this machine and not
 * through a proxy: the counters move with every command, so a participant watching them would learn how much
 * happens out of their sight.
 */
export function serveMetrics(app: Application, registry: Registry, token: string | undefined): void {
  app.get("/metrics", async (req: Request, res: Response) => {
    if (token !== undefined && !sameToken(req.get("authorization") ?? "", `Bearer ${token}`)) {
      res.status(401).type("text/plain").send("Send the metrics token as: Authorization: Bearer <METRICS_TOKEN>\n");
      return;
    }
    if (token === undefined && !fromThisMachine(req)) {
      res.status(403).type("text/plain").send("Set METRICS_TOKEN to read /metrics from another machine.\n");
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
}

function fromThisMachine(req: Request): boolean {
  const from = req.socket.remoteAddress ?? "";
  const loopback = from === "::1" || from.startsWith("127.") || from.startsWith("::ffff:127.");
  return loopback && req.get("x-forwarded-for") === undefined && req.get("forwarded") === undefined;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
