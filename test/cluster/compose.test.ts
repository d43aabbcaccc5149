// compose.yaml, read by docker-compose itself (no Docker engine needed): both profiles are valid, and
// the cluster's processes and nginx agree on the routes the cluster test runs through.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { clusterAvailable } from "./services.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = clusterAvailable(["docker-compose"]);

function config(profile: string, env: Record<string, string> = {}): string {
  return execFileSync(bin!["docker-compose"]!, ["-f", "compose.yaml", "--profile", profile, "config"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "pipe",
  }).toString();
}

/** Each service's profiles, from docker-compose's own rendering of the file. */
function profiles(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const services = text.slice(text.indexOf("services:\n"), text.search(/^volumes:$/m));
  for (const block of services.split(/^ {2}(?=[a-z0-9]+:$)/m).slice(1)) {
    const name = block.slice(0, block.indexOf(":"));
    const list = /^ {4}profiles:\n((?: {4}- .+\n)+)/m.exec(block)?.[1] ?? "";
    found.set(
      name,
      [...list.matchAll(/- (.+)/g)].map((m) => m[1]!.trim()),
    );
  }
  return found;
}

describe.runIf(bin)("compose.yaml", () => {
  const key = "ab".repeat(32);

  it("single: one process with its data in a volume; every other service belongs to the cluster", () => {
    const services = profiles(config("single", { SEAL_KEY: key }));
    expect(services.get("deconflict")).toEqual(["single"]);
    for (const name of ["app1", "app2", "app3", "nginx", "redis", "postgres"])
      expect(services.get(name)).toEqual(["cluster"]);
    expect(config("single", { SEAL_KEY: key })).toContain("data:/data");
  });

  it("cluster: three processes, each with its own address on the proxy, nginx with the tested configuration", () => {
    const text = config("cluster", { SEAL_KEY: key, PUBLIC_HOST: "drill.example.org" });
    for (const n of [1, 2, 3]) {
      expect(text).toMatch(new RegExp(`^ {2}app${n}:$`, "m"));
      expect(text).toContain(`PUBLIC_ADDRESS: drill.example.org/p${n}`);
      expect(text).toContain(`DECONFLICT_${n}: app${n}:2567`);
    }
    expect(text).toContain("deploy/nginx/deconflict.conf.template");
    expect(text).toContain(`SEAL_KEY: ${key}`);
    expect(text).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
  });

  it("cluster: refuses to start without a shared seal key, saying how to make one", () => {
    expect(() => config("cluster")).toThrow(/SEAL_KEY/);
  });
});
