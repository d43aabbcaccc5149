// Starts PostgreSQL, Redis and nginx on loopback for the cluster tests, each in
// a temporary directory, and stops them afterwards. Missing binaries skip the
// tests on a developer's machine (with a message); in CI they fail them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The binaries, or why the cluster tests cannot run here. */
export function findBinaries(names: string[]): { found: Record<string, string> } | { missing: string } {
  const dirs = [
    ...(process.env.PATH ?? "").split(":"),
    "/usr/sbin",
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  const found: Record<string, string> = {};
  for (const name of names) {
    const dir = dirs.find((d) => d && existsSync(join(d, name)));
    if (!dir) return { missing: `${name} is not installed (Debian: apt-get install postgresql redis-server nginx)` };
    found[name] = join(dir, name);
  }
  return { found };
}

/** Whether to run: in CI a missing binary is a failure, elsewhere a skip with the reason printed. */
export function clusterAvailable(names: string[]): Record<string, string> | null {
  const r = findBinaries(names);
  if ("found" in r) return r.found;
  if (process.env.CI === "true") throw new Error(`Cluster tests must run in CI, but ${r.missing}`);
  console.warn(`SKIPPED cluster tests: ${r.missing}`);
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A PostgreSQL cluster in a temporary directory, run as the unprivileged postgres user when started as root. */
export async function startPostgres(bin: Record<string, string>, how: { fsync?: boolean } = {}): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" })
      : execFileSync(cmd, args, { stdio: "pipe" });
  run(bin.initdb!, ["-A", "trust", "-U", "deconflict", "-D", data]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${how.fsync ? "on" : "off"} -c max_connections=50`;
  run(bin.pg_ctl!, ["-D", data, "-o", opts, "-l", join(dir, "log"), "-w", "start"]);
  return {
    url: `postgres://deconflict@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      try {
        run(bin.pg_ctl!, ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A Redis server on loopback, without persistence. */
export async function startRedis(bin: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const child = spawn(
    bin["redis-server"]!,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  await waitForPort(port);
  return { url: `redis://127.0.0.1:${port}`, port, stop: () => stopChild(child) };
}

/** nginx with the given configuration (its http block's content), in the foreground, logs in a temporary directory. */
export async function startNginx(bin: Record<string, string>, httpBlock: string, port: number): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-nginx-"));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n` +
      `worker_rlimit_nofile 65535;\nevents { worker_connections 16384; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n` +
      `  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n${httpBlock}\n}\n`,
  );
  const child = spawn(bin.nginx!, ["-c", conf, "-p", dir], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  await waitForPort(port).catch((e: Error) => {
    throw new Error(`nginx did not start: ${err || e.message}`);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitForPort(port: number, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}
