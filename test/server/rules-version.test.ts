// A data directory holding exercises recorded under other rules, as an operator
// meets it after an upgrade: the server starts, says in its log which exercises
// it will not replay and why, loads the others (and those of kept older rules),
// and answers whoever asks for a refused one with 409 and the message naming
// both rules versions — never a 404, never a replay under different rules.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { Participant, api } from "../helpers/server.ts";
import { freePort, kill9, killAll, startProcess } from "./server-process.ts";
import { Store } from "../../server/store.ts";
import { Hub } from "../../server/hub.ts";
import { Catalogue } from "../../server/catalogue.ts";
import { KEPT_RULES, RULES_VERSION, checkRules } from "../../shared/engine/index.ts";

afterAll(killAll);

type Codes = { facilitator: string; teams: Record<string, string> };
const facilitator = { role: "facilitator", name: "Carla" } as const;
const ann = { role: "team", teamId: "borealis", name: "Ann" } as const;
const [major, minor] = RULES_VERSION.split(".").map(Number) as [number, number];

/**
 * A data directory with one started exercise per engine version, each with a chat line naming it,
 * written by this server's Store and Hub, then stamped with that version as an older or newer server would have.
 */
async function dataDir(versions: string[]): Promise<{ dir: string; made: Map<string, { id: string; codes: Codes }> }> {
  const dir = mkdtempSync(join(tmpdir(), "deconflict-rules-"));
  const store = new Store(dir);
  const hub = new Hub(store, new Catalogue("scenarios"));
  const made = new Map<string, { id: string; codes: Codes }>();
  for (const v of versions) {
    const ex = hub.create({ scenarioId: "tutorial", seed: `rules-${v}` }, Date.now());
    expect((await ex.submit(facilitator, { type: "exercise.start" }, Date.now())).ok).toBe(true);
    expect((await ex.submit(ann, { type: "team.chat", text: `played under ${v}` }, Date.now())).ok).toBe(true);
    made.set(v, { id: ex.id, codes: ex.row.codes });
  }
  store.close();
  const db = new DatabaseSync(join(dir, "deconflict.sqlite"));
  for (const [v, { id }] of made) db.prepare("UPDATE exercises SET engine_version = ? WHERE id = ?").run(v, id);
  db.close();
  return { dir, made };
}

describe("exercises recorded under other rules", () => {
  it("the server starts, loads the rest, and answers a refused exercise with 409 and the message", async () => {
    const refused = ["0.9.0", "9.0.0", `${major}.${minor + 1}.0`];
    const kept = Object.keys(KEPT_RULES).map((r) => `${r}.0`);
    const own = `${RULES_VERSION}.0`;
    const { dir, made } = await dataDir([own, ...refused, ...kept]);
    const srv = await startProcess(dir, await freePort());

    for (const v of refused) {
      const { id, codes } = made.get(v)!;
      const message = `${(checkRules(v, "this server") as { message: string }).message} This server keeps it in its database, untouched.`;
      expect(message).toContain(
        `Recorded under rules ${v.split(".").slice(0, 2).join(".")}; this server runs ${RULES_VERSION}`,
      );
      // said at start-up, before anyone asks
      expect(srv.output()).toContain(`NOT LOADED exercise ${id}: ${message} The other exercises load.`);
      // the facilitator asking for it, its recording or its report
      for (const path of [`/exercises/${id}`, `/exercises/${id}/recording`, `/exercises/${id}/report?format=md`]) {
        const r = await api(srv.url, "GET", path, undefined, codes.facilitator);
        expect(r.status, path).toBe(409);
        expect(r.body).toEqual({ error: { code: "rules-version", message } });
      }
      // a participant joining with its code
      const join = await api(srv.url, "POST", "/join", { code: codes.teams.borealis });
      expect(join.status).toBe(409);
      expect(join.body).toEqual({ error: { code: "rules-version", message } });
      // … or straight at the room's door, as a reconnecting client does
      await expect(Participant.join(srv.url, id, codes.teams.borealis!, "Ann")).rejects.toThrow(message);
      // without its code, nothing is said about it
      const other = await api(srv.url, "GET", `/exercises/${id}`, undefined, made.get(own)!.codes.facilitator);
      expect(other.status).toBe(403);
      expect(JSON.stringify(other.body)).not.toContain("rules");
    }

    // the others load and are played as before: this engine's own rules and the kept older ones
    for (const v of [own, ...kept]) {
      const { id, codes } = made.get(v)!;
      expect(srv.output()).not.toContain(id);
      const summary = await api(srv.url, "GET", `/exercises/${id}`, undefined, codes.facilitator);
      expect(summary.status).toBe(200);
      expect(summary.body.commands).toBe(3); // start, chat, and the pause the restart added
      const p = await Participant.join(srv.url, id, codes.teams.borealis!, "Ann");
      expect(p.view.chat.map((c) => c.text)).toEqual([`played under ${v}`]);
      await p.command({ type: "team.chat", text: "still playing" });
      await p.until(() => p.view.chat.length === 2);
      await p.leave();
    }
    const health = await api(srv.url, "GET", "/health");
    expect(health.body.quarantined).toBe(0);
    await kill9(srv.child);
  }, 60_000);
});
