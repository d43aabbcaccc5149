// Recordings exported by a server running the old hand-written SHA-256 code
// (test/fixtures/recordings, format 2, sealed) still verify, chain and seal,
// and no one-byte change to them passes.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadRecording } from "../../shared/protocol/integrity.ts";

const dir = new URL("../fixtures/recordings/", import.meta.url);
const key = readFileSync(new URL("integrity.key", dir), "utf8").trim();
const file = (name: string) => readFileSync(new URL(name, dir));

const FIXTURES = [
  { name: "tutorial-final.recording.json", commands: 17 },
  { name: "tutorial-mid-exercise.recording.json", commands: 5 },
] as const;

describe("recordings exported before @noble/hashes", () => {
  for (const f of FIXTURES) {
    it(`${f.name}: the chain and the seal still verify`, () => {
      const json = JSON.parse(file(f.name).toString("utf8"));
      const sealed = loadRecording(json, key);
      if (!sealed.ok) throw new Error(sealed.error);
      expect(sealed.recording).toEqual(json);
      expect(sealed.integrity).toMatchObject({ status: "sealed", final: null, head: json.head.hash });
      expect(sealed.integrity.summary).toBe(
        "Sealed by this server · format 2: cannot show whether it is the final recording",
      );
      expect(sealed.integrity.text).toContain(`${f.commands} commands`);
      // without the key: the chain holds, but nobody vouches for its origin
      expect(loadRecording(json)).toMatchObject({
        ok: true,
        integrity: { status: "intact", summary: "Hash chain intact, origin not verified" },
      });
      expect(loadRecording(json, "another server's key")).toEqual({
        ok: false,
        error: expect.stringContaining("The seal does not match"),
      });
    });
  }

  it("refuses every one-byte change that the file still parses after", () => {
    for (const f of FIXTURES) {
      const bytes = file(f.name);
      const text = bytes.toString("latin1");
      // the scenario is hashed as a whole into the chain's first link: every 16th of its bytes is enough
      const from = text.indexOf('\n  "scenario": {');
      const to = text.indexOf("\n  },", from);
      expect(from).toBeGreaterThan(0);
      let tried = 0;
      const passed: number[] = [];
      for (let i = 0; i < bytes.length; i++) {
        if (i > from && i < to && i % 16 !== 0) continue;
        const changed = Buffer.from(bytes);
        changed[i] = changed[i]! ^ 1;
        let json: unknown;
        try {
          json = JSON.parse(changed.toString("utf8"));
        } catch {
          continue;
        }
        tried++;
        if (loadRecording(json, key).ok) passed.push(i);
      }
      expect(passed).toEqual([]);
      expect(tried).toBeGreaterThan(1000);
    }
  });
});
