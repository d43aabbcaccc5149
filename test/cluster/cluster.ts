// A whole cluster on loopback for tests and the load benchmark: PostgreSQL, Redis,
// three `node server/main.ts` processes and nginx with deploy/nginx's configuration.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, startNginx, startPostgres, startRedis, stopChild, waitForPort, type Service } from "./services.ts";

const MAIN = fileURLToPath(new URL("../../server/main.ts", import.meta.url));
const TEMPLATE = fileURLToPath(new URL("../../deploy/nginx/deconflict.conf.template", import.meta.url));
export const CLUSTER_BINARIES = ["initdb", "pg_ctl", "redis-server", "nginx"];

export interface Node {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Colyseus's process id, from the start-up banner */
  processId: string;
  output(): string;
  exited: Promise<number | null>;
}

export interface Cluster {
  nodes: Node[];
  proxy: string;
  databaseUrl: string;
  sealKey: string;
  stop(): Promise<void>;
}

/** The nginx configuration compose.yaml uses, with the processes' loopback addresses filled in. */
export function nginxConfig(ports: number[], listen: number): string {
  let text = readFileSync(TEMPLATE, "utf8").replace("${LISTEN_PORT}", `127.0.0.1:${listen}`);
  ports.forEach((p, i) => (text = text.replaceAll(`\${DECONFLICT_${i + 1}}`, `127.0.0.1:${p}`)));
  return text;
}

export async function startCluster(
  bin: Record<string, string>,
  opts: { processes?: number; env?: Record<string, string>; cpus?: string[]; fsync?: boolean } = {},
): Promise<Cluster> {
  const count = opts.processes ?? 3;
  const pg = await startPostgres(bin, { fsync: opts.fsync });
  const redis = await startRedis(bin);
  const listen = await freePort();
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(await freePort());
  const nginx: Service = await startNginx(bin, nginxConfig(ports, listen), listen);
  const sealKey = randomBytes(32).toString("hex");
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) {
    const env = {
      ...process.env,
      PORT: String(ports[i]),
      HOST: "127.0.0.1",
      DATA_DIR: mkdtempSync(join(tmpdir(), "deconflict-node-")),
      CLIENT_DIR: join(tmpdir(), "no-client-here"),
      DATABASE_URL: pg.url,
      REDIS_URL: redis.url,
      PUBLIC_ADDRESS: `127.0.0.1:${listen}/p${i + 1}`,
      SEAL_KEY: sealKey,
      TRUST_PROXY: "1",
      ...opts.env,
    };
    const cpu = opts.cpus?.[i];
    const child = cpu
      ? spawn("taskset", ["-c", cpu, process.execPath, MAIN], { env, stdio: ["ignore", "pipe", "pipe"] })
      : spawn(process.execPath, [MAIN], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d) => (out += d));
    child.stderr!.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    nodes.push({
      name: `p${i + 1}`,
      port: ports[i]!,
      url: `http://127.0.0.1:${ports[i]}`,
      child,
      processId: "",
      output: () => out,
      exited,
    });
  }
  for (const n of nodes) {
    await waitForPort(n.port, 30_000).catch((e: Error) => {
      throw new Error(`${n.name} did not start: ${e.message}\n${n.output()}`);
    });
    const until = Date.now() + 10_000;
    while (!/Cluster: process (\S+),/.test(n.output()) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    n.processId = /Cluster: process (\S+),/.exec(n.output())?.[1] ?? "";
  }
  return {
    nodes,
    proxy: nginx.url,
    databaseUrl: pg.url,
    sealKey,
    async stop() {
      for (const n of nodes) {
        if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill("SIGCONT");
        await stopChild(n.child);
      }
      await nginx.stop();
      await redis.stop();
      await pg.stop();
    },
  };
}
