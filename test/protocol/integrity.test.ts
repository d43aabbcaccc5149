import { describe, expect, it } from "vitest";
import { buildRecording, loadRecording, sealOf } from "../../shared/protocol/integrity.ts";
import { replay } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";

/** A short tutorial exercise, exported as a recording file would be. */
function exported(sealKey?: string) {
  const d = new Driver(loadScenario("tutorial"), "integrity");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Was it you?" });
  d.do(team("austral"), { type: "hotline.send", to: "borealis", kind: "assess", text: "No." });
  d.advanceTo("decision");
  const header = { engineVersion: ENGINE_VERSION, exerciseId: "ex-1", title: d.state.title, createdAt: 1, seed: d.seed, scenario: rawScenario("tutorial") };
  return { d, rec: JSON.parse(JSON.stringify(buildRecording(header, d.commands, sealKey))) };
}

describe("recording integrity", () => {
  it("an untouched recording verifies and replays to the live state", () => {
    const { d, rec } = exported();
    const r = loadRecording(rec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.integrity.status).toBe("verified");
    expect(r.integrity.text).toMatch(/^Hash chain verified: 5 commands/);
    const parsed = parseScenario(r.recording.scenario);
    if (!parsed.ok) throw new Error("scenario");
    expect(replay({ ...r.recording, scenario: parsed.scenario })).toEqual(d.state);
  });

  it("refuses a recording whose command was changed", () => {
    const { rec } = exported();
    rec.commands[3].command.text = "Yes, it was us.";
    expect(loadRecording(rec)).toEqual({ ok: false, error: "Command 4 was altered: its hash does not match the chain" });
  });

  it("refuses a recording whose scenario or seed was changed", () => {
    const { rec } = exported();
    rec.seed = "another seed";
    expect(loadRecording(rec)).toEqual({ ok: false, error: "Command 1 was altered: its hash does not match the chain" });
  });

  it("refuses a truncated recording, and one with a command removed", () => {
    const cut = exported().rec;
    cut.commands.splice(4);
    expect(loadRecording(cut)).toEqual({ ok: false, error: "The recording is truncated: it holds 4 commands, its head says 5" });
    const gap = exported().rec;
    gap.commands.splice(2, 1);
    expect(loadRecording(gap)).toEqual({ ok: false, error: "Command 3 is missing or out of order (found command 4 in its place): the recording was altered" });
  });

  it("migrates a format 1 recording, saying its integrity cannot be verified", () => {
    const { rec } = exported();
    const v1 = { ...rec, version: 1, commands: rec.commands.map(({ hash: _h, ...c }: { hash: string }) => c) };
    delete (v1 as { head?: unknown }).head;
    const r = loadRecording(v1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.integrity.status).toBe("migrated");
    expect(r.recording.version).toBe(2);
    expect(r.recording.head).toEqual(rec.head);
    // with the server's key, a seal is demanded: rewriting a file as format 1 does not get around it
    expect(loadRecording(v1, "server-key")).toEqual({ ok: false, error: expect.stringContaining("format 1 recording: it carries no seal") });
  });

  it("refuses unknown versions and files that are not recordings, by name", () => {
    const { rec } = exported();
    expect(loadRecording({ ...rec, version: 7 })).toEqual({ ok: false, error: "This recording is format version 7; this Deconflict reads versions 1 and 2. Open it with a newer Deconflict." });
    expect(loadRecording({ hello: "world" })).toMatchObject({ ok: false, error: expect.stringContaining("This is not a Deconflict recording") });
    expect(loadRecording({ ...rec, commands: "nope" })).toMatchObject({ ok: false, error: expect.stringContaining("The recording is damaged: commands") });
  });

  it("is sealed with the server's key; a different key gives a different seal", () => {
    const { rec } = exported("server-key");
    expect(rec.seal).toBe(sealOf("server-key", rec.head.hash));
    expect(rec.seal).not.toBe(sealOf("other-key", rec.head.hash));
  });

  it("with the server's key, also refuses a chain rebuilt after editing, which the chain alone cannot see", () => {
    const { d, rec } = exported("server-key");
    expect(loadRecording(rec, "server-key")).toMatchObject({ ok: true, integrity: { status: "sealed", text: expect.stringContaining("sealed by this server") } });
    // a forger edits a message and recomputes every hash: the chain holds again …
    const commands = structuredClone(rec.commands).map(({ hash: _h, ...c }: { hash: string }) => c);
    commands[3].command.text = "Yes, it was us.";
    const forged = { ...buildRecording({ ...rec, scenario: rec.scenario }, commands), seal: rec.seal };
    expect(loadRecording(JSON.parse(JSON.stringify(forged)))).toMatchObject({ ok: true, integrity: { status: "verified" } });
    // … but the seal, made over the original head, no longer matches
    expect(loadRecording(JSON.parse(JSON.stringify(forged)), "server-key")).toEqual({ ok: false, error: expect.stringContaining("The seal does not match") });
    expect(loadRecording({ ...rec, seal: undefined }, "server-key")).toEqual({ ok: false, error: expect.stringContaining("carries no seal") });
    expect(d.commands[3]!.command).toMatchObject({ text: "No." });
  });
});
