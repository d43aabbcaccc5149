// A real `node server/main.ts` in its own process, as an operator runs it: for
// tests that kill it, damage its files and start it again.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../server/main.ts", import.meta.url));
const started: ChildProcess[] = [];

/** Kills every process these helpers started (for afterAll). */
export function killAll(): void {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** everything it printed so far, stdout and stderr */
  output(): string;
}

function launch(
  port: number,
  dataDir: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      CLIENT_DIR: join(dataDir, "no-client"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  return { child, output: () => out };
}

/** Starts the server and waits until it serves. */
export async function startProcess(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const { child, output } = launch(port, dataDir, env);
  const start = Date.now();
  while (!output().includes("Deconflict is running")) {
    if (Date.now() - start > 20_000 || child.exitCode !== null) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, output };
}

/** Starts the server expecting it to refuse: resolves with its exit code and what it printed. */
export async function startRefused(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const { child, output } = launch(port, dataDir, env);
  // "close" comes once the process has exited and everything it printed has been read
  let closed = false;
  child.once("close", () => (closed = true));
  const start = Date.now();
  while (!closed) {
    if (output().includes("Deconflict is running") || Date.now() - start > 20_000) {
      await kill9(child);
      throw new Error(`server started instead of refusing:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { code: child.exitCode, output: output() };
}

export async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGKILL");
  await exited;
}

/** Stops the server as Ctrl+C would: it closes its database, which moves the write-ahead log into the file. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}
