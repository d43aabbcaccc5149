// Starts a real Deconflict server on a free port for integration tests, and
// joins it with the real @colyseus/sdk client over a socket.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { startApp, type App } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { ViewStore } from "../../client/net/view-store.ts";
import type { CommandInput } from "../../shared/protocol/commands.ts";
import type { CommandReply, PresenceMessage } from "../../shared/protocol/messages.ts";

export interface TestServer {
  app: App;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "deconflict-test-"));
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    CLIENT_DIR: join(tmpdir(), "no-client-here"),
    ...env,
  });
  const app = await startApp(config);
  return { app, url: `http://127.0.0.1:${app.port}`, dataDir, close: () => app.close() };
}

export async function api(base: string, method: string, path: string, body?: unknown, code?: string) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { "content-type": "application/json", ...(code ? { authorization: `Bearer ${code}` } : {}) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export interface Created {
  exerciseId: string;
  roomId: string;
  codes: { facilitator: string; observer: string; mediator?: string; teams: Record<string, string> };
}

export async function createExercise(base: string, scenarioId = "tutorial", seed = "test-seed"): Promise<Created> {
  const r = await api(base, "POST", "/exercises", { scenarioId, seed });
  if (r.status !== 201) throw new Error(`create failed: ${JSON.stringify(r.body)}`);
  return r.body as Created;
}

/** A participant: a real SDK client that records everything it receives. */
export class Participant {
  readonly store = new ViewStore();
  /** every message received, raw, in order: for leak tests */
  readonly received: { type: string; message: unknown }[] = [];
  presence: PresenceMessage | null = null;
  room!: Room;
  readonly sdk: Client;

  constructor(url: string) {
    this.sdk = new Client(url);
  }

  static async join(url: string, roomId: string, code: string, name: string): Promise<Participant> {
    const p = new Participant(url);
    p.room = await p.sdk.joinById(roomId, { code, name });
    p.listen();
    await p.until(() => p.store.view !== null);
    return p;
  }

  listen(): void {
    this.room.onMessage("*", (type, message) => {
      this.received.push({ type: String(type), message });
      if (type === "snapshot") this.store.snapshot(message as never);
      if (type === "patch" && !this.store.patch(message as never)) void this.resync();
      if (type === "presence") this.presence = message as PresenceMessage;
    });
  }

  async resync(): Promise<void> {
    this.store.snapshot(await this.room.request("sync"));
  }

  get view() {
    if (!this.store.view) throw new Error("no view yet");
    return this.store.view;
  }

  /** Sends a command; resolves with the reply, rejects with the server's { code, message }. */
  async command(cmd: CommandInput): Promise<CommandReply> {
    try {
      return (await this.room.request("command", cmd)) as CommandReply;
    } catch (err) {
      const e = err as { name?: string; reason?: unknown };
      if (e.name === "rejected")
        throw Object.assign(new Error((e.reason as { message: string }).message), { reason: e.reason });
      throw err;
    }
  }

  /** The refusal a command gets, or null if accepted. */
  async refusal(cmd: unknown): Promise<{ code: string; message: string } | null> {
    try {
      await this.room.request("command", cmd);
      return null;
    } catch (err) {
      return (err as { reason: { code: string; message: string } }).reason;
    }
  }

  async until(check: () => boolean, what = "condition", ms = 5000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Everything received, as one string, for "never contains" checks. */
  transcript(): string {
    return JSON.stringify(this.received);
  }

  /** Leaves the room; a connection that already died is just abandoned. */
  async leave(): Promise<void> {
    this.room.reconnection.enabled = false;
    await Promise.race([this.room.leave().catch(() => {}), new Promise((r) => setTimeout(r, 500))]);
  }
}
