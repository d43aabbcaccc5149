// /metrics scraped as Prometheus would: behind its token, counting what happened;
// and the process's log as JSON lines when LOG_FORMAT=json.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Participant, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";
import { freePort, killAll, startProcess, stop } from "./server-process.ts";

const TOKEN = "metrics-token-for-the-test";
afterAll(killAll);

/** One sample's value from the exposition text, e.g. value(text, 'deconflict_commands_total{result="accepted",reason=""}'). */
function value(text: string, sample: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? Number.NaN : Number(line.slice(sample.length + 1));
}

describe("/metrics", () => {
  let srv: TestServer;
  afterAll(async () => srv?.close());

  it("asks for its token, then counts exercises, connections, commands by outcome and storage writes", async () => {
    srv = await startTestServer({ METRICS_TOKEN: TOKEN });
    expect((await fetch(`${srv.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${srv.url}/metrics`, { headers: { authorization: "Bearer wrong-token-of-same-size!!" } })).status,
    ).toBe(401);
    const scrape = async () => {
      const res = await fetch(`${srv.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/plain");
      return res.text();
    };
    const before = await scrape();
    const accepted = 'deconflict_commands_total{result="accepted",reason=""}';
    const acceptedBefore = value(before, accepted) || 0;

    const ex = await createExercise(srv.url);
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Carla");
    await control.command({ type: "exercise.start" });
    await control.command({ type: "exercise.pause", reason: "coffee" });
    expect(await control.refusal({ type: "exercise.pause", reason: "again" })).not.toBeNull();
    expect(await control.refusal({ type: "no.such.command" })).toMatchObject({ code: "invalid" });

    const after = await scrape();
    expect(value(after, "deconflict_exercises_live")).toBeGreaterThanOrEqual(1);
    expect(value(after, "deconflict_participants_connected")).toBe(1);
    expect(value(after, accepted) - acceptedBefore).toBe(2);
    expect(value(after, 'deconflict_commands_total{result="refused",reason="invalid"}')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/deconflict_commands_total\{result="refused",reason="(?!invalid)[a-z-]+"\} [1-9]/);
    expect(value(after, "deconflict_command_seconds_count")).toBeGreaterThanOrEqual(4);
    expect(value(after, 'deconflict_storage_write_seconds_count{result="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, "deconflict_storage_commands_total")).toBeGreaterThanOrEqual(2);
    expect(after).toContain("deconflict_node_process_cpu_seconds_total");
    await control.leave();
  });
});

describe("/metrics without a token", () => {
  let srv: TestServer;
  afterAll(async () => srv?.close());

  it("answers this machine only: not a caller through a proxy, who might be a participant", async () => {
    srv = await startTestServer();
    expect((await fetch(`${srv.url}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${srv.url}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7" } });
    expect(proxied.status).toBe(403);
    expect(await proxied.text()).toContain("METRICS_TOKEN");
  });
});

describe("logs", () => {
  it("LOG_FORMAT=json writes one JSON object a line, with level, time and message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deconflict-log-"));
    const p = await startProcess(dir, await freePort(), { LOG_FORMAT: "json" });
    await stop(p.child);
    const lines = p.output().split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const entries = lines.map((l) => JSON.parse(l) as { level: number; time: string; msg: string });
    expect(
      entries.some(
        (e) => e.msg.includes("Deconflict is running") && e.level === 30 && !Number.isNaN(Date.parse(e.time)),
      ),
    ).toBe(true);
  });
});
