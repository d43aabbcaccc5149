// The cluster mode of `npm run bench:load` (--cluster N): N server processes on
// PostgreSQL and Redis behind nginx (the configuration compose.yaml uses), all
// started on loopback as the cluster tests start them; the clients go through
// the proxy. What the servers did is read from each process's /metrics.
import { startCluster, CLUSTER_BINARIES } from "../test/cluster/cluster.ts";
import { findBinaries } from "../test/cluster/services.ts";

export interface ClusterSample {
  /** CPU seconds used by every server process together */
  cpuSeconds: number;
  /** groups written and the seconds they took, all processes together */
  groups: number;
  groupSeconds: number;
  storedCommands: number;
  /** groups written within each histogram bound (seconds), cumulative as Prometheus gives them */
  buckets: Map<number, number>;
}

export interface BenchCluster {
  url: string;
  sample(): Promise<ClusterSample>;
  stop(): Promise<void>;
}

const TOKEN = "bench-load-metrics-token";

export async function startBenchCluster(processes: number): Promise<BenchCluster> {
  const found = findBinaries(CLUSTER_BINARIES);
  if ("missing" in found) throw new Error(`--cluster needs PostgreSQL, Redis and nginx: ${found.missing}`);
  const c = await startCluster(found.found, {
    processes,
    // durable as SQLite's synchronous=FULL is: every commit waits for the disk
    fsync: true,
    env: {
      CREATE_PER_MINUTE: "10000",
      WRONG_CODES_PER_MINUTE: "10000",
      MAX_LIVE_EXERCISES: "100000",
      METRICS_TOKEN: TOKEN,
    },
  });
  const sample = async (): Promise<ClusterSample> => {
    const total: ClusterSample = { cpuSeconds: 0, groups: 0, groupSeconds: 0, storedCommands: 0, buckets: new Map() };
    for (const n of c.nodes) {
      const text = await (await fetch(`${n.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const v = (name: string) => {
        const line = text.split("\n").find((l) => l.startsWith(`${name} `));
        return line ? Number(line.slice(name.length + 1)) : 0;
      };
      total.cpuSeconds += v("deconflict_node_process_cpu_seconds_total");
      total.groups += v('deconflict_storage_write_seconds_count{result="ok"}');
      total.groupSeconds += v('deconflict_storage_write_seconds_sum{result="ok"}');
      total.storedCommands += v("deconflict_storage_commands_total");
      for (const m of text.matchAll(/^deconflict_storage_write_seconds_bucket\{le="([^"]+)",result="ok"\} (\d+)$/gm)) {
        const le = m[1] === "+Inf" ? Infinity : Number(m[1]);
        total.buckets.set(le, (total.buckets.get(le) ?? 0) + Number(m[2]));
      }
    }
    return total;
  };
  return { url: c.proxy, sample, stop: () => c.stop() };
}

/** The histogram bound under which 99 % of the groups written between two samples fall (milliseconds). */
export function commitP99(from: ClusterSample, to: ClusterSample): number {
  const groups = to.groups - from.groups;
  for (const le of [...to.buckets.keys()].sort((a, b) => a - b))
    if ((to.buckets.get(le) ?? 0) - (from.buckets.get(le) ?? 0) >= 0.99 * groups) return le * 1000;
  return NaN;
}
