import { describe, expect, it } from "vitest";
import { buildRecording, loadRecording, sealOf } from "../../shared/protocol/integrity.ts";
import { replay } from "../../shared/engine/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { ENGINE_VERSION } from "../../shared/engine/version.ts";

/** A short tutorial exercise, exported as the server exports it: where it stands, sealed when a key is given. */
function exported(sealKey?: string, d = playedToDecision()) {
  const header = {
    engineVersion: ENGINE_VERSION,
    exerciseId: "ex-1",
    title: d.state.title,
    createdAt: 1,
    seed: d.seed,
    scenario: rawScenario("tutorial"),
  };
  const taken = { final: d.state.status === "ended", turn: d.state.turn };
  return { d, rec: JSON.parse(JSON.stringify(buildRecording(header, d.commands, { taken, sealKey }))) };
}

function playedToDecision(): Driver {
  const d = new Driver(loadScenario("tutorial"), "integrity");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  d.do(team("borealis"), { type: "hotline.send", to: "austral", kind: "confirm", text: "Was it you?" });
  d.do(team("austral"), { type: "hotline.send", to: "borealis", kind: "assess", text: "No." });
  d.advanceTo("decision");
  return d;
}

/** The same exercise played on until the turns run out. */
function playedToTheEnd(): Driver {
  const d = playedToDecision();
  for (let i = 0; i < 30 && d.state.status !== "ended"; i++) d.do(control, { type: "phase.advance" });
  return d;
}

describe("recording integrity", () => {
  it("an untouched recording verifies and replays to the live state", () => {
    const { d, rec } = exported();
    const r = loadRecording(rec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.integrity.status).toBe("intact");
    expect(r.integrity.text).toMatch(/^Hash chain intact, origin not verified: 5 commands/);
    const parsed = parseScenario(r.recording.scenario);
    if (!parsed.ok) throw new Error("scenario");
    expect(replay({ ...r.recording, scenario: parsed.scenario })).toEqual(d.state);
  });

  it("refuses a recording whose command was changed", () => {
    const { rec } = exported();
    rec.commands[3].command.text = "Yes, it was us.";
    expect(loadRecording(rec)).toEqual({
      ok: false,
      error: "Command 4 was altered: its hash does not match the chain",
    });
  });

  it("refuses a recording whose scenario or seed was changed", () => {
    const { rec } = exported();
    rec.seed = "another seed";
    expect(loadRecording(rec)).toEqual({
      ok: false,
      error: "Command 1 was altered: its hash does not match the chain",
    });
  });

  it("refuses a truncated recording, and one with a command removed", () => {
    const cut = exported().rec;
    cut.commands.splice(4);
    expect(loadRecording(cut)).toEqual({
      ok: false,
      error: "The recording is truncated: it holds 4 commands, its head says 5",
    });
    const gap = exported().rec;
    gap.commands.splice(2, 1);
    expect(loadRecording(gap)).toEqual({
      ok: false,
      error: "Command 3 is missing or out of order (found command 4 in its place): the recording was altered",
    });
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
    // the same chain as the current format, but no final mark: nobody can say whether it was final
    expect(r.recording.head).toEqual({ count: rec.head.count, hash: rec.head.hash });
    // with the server's key, a seal is demanded: rewriting a file as format 1 does not get around it
    expect(loadRecording(v1, "server-key")).toEqual({
      ok: false,
      error: expect.stringContaining("format 1 recording: it carries no seal"),
    });
  });

  it("refuses unknown versions and files that are not recordings, by name", () => {
    const { rec } = exported();
    expect(loadRecording({ ...rec, version: 7 })).toEqual({
      ok: false,
      error:
        "This recording is format version 7; this Deconflict reads versions 1 to 3. Open it with a newer Deconflict.",
    });
    expect(loadRecording({ hello: "world" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("This is not a Deconflict recording"),
    });
    expect(loadRecording({ ...rec, commands: "nope" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("The recording is damaged: commands"),
    });
  });

  it("is sealed with the server's key; a different key gives a different seal", () => {
    const { rec } = exported("server-key");
    expect(rec.seal).toBe(sealOf("server-key", rec.head));
    expect(rec.seal).not.toBe(sealOf("other-key", rec.head));
  });

  it("with the server's key, also refuses a chain rebuilt after editing, which the chain alone cannot see", () => {
    const { d, rec } = exported("server-key");
    expect(loadRecording(rec, "server-key")).toMatchObject({
      ok: true,
      integrity: { status: "sealed", text: expect.stringContaining("Sealed by this server") },
    });
    // a forger edits a message and recomputes every hash: the chain holds again …
    const commands = structuredClone(rec.commands).map(({ hash: _h, ...c }: { hash: string }) => c);
    commands[3].command.text = "Yes, it was us.";
    const forged = { ...buildRecording({ ...rec, scenario: rec.scenario }, commands), seal: rec.seal };
    expect(loadRecording(JSON.parse(JSON.stringify(forged)))).toMatchObject({
      ok: true,
      integrity: { status: "intact" },
    });
    // … but the seal, made over the original head, no longer matches
    expect(loadRecording(JSON.parse(JSON.stringify(forged)), "server-key")).toEqual({
      ok: false,
      error: expect.stringContaining("The seal does not match"),
    });
    expect(loadRecording({ ...rec, seal: undefined }, "server-key")).toEqual({
      ok: false,
      error: expect.stringContaining("carries no seal"),
    });
    expect(d.commands[3]!.command).toMatchObject({ text: "No." });
  });

  it("without a key, says the chain is intact but its origin is not verified, and that finality is only the file's word", () => {
    const mid = loadRecording(exported("server-key").rec);
    expect(mid).toMatchObject({ ok: true, integrity: { status: "intact", final: false, turn: 1 } });
    if (!mid.ok) return;
    expect(mid.integrity.summary).toBe(
      "Hash chain intact, origin not verified · the file says: recording taken while the exercise was still running (turn 1)",
    );
    expect(mid.integrity.text).not.toMatch(/chain verified|sealed by this server/i);
    const end = loadRecording(exported(undefined, playedToTheEnd()).rec);
    expect(end.ok && end.integrity.summary).toBe(
      "Hash chain intact, origin not verified · the file says: final recording",
    );
  });

  it("seals whether the exercise had ended: a download taken mid-exercise cannot pass as the final one", () => {
    const { rec: mid } = exported("server-key");
    expect(mid.head).toMatchObject({ count: 5, final: false, turn: 1 });
    const sealedMid = loadRecording(mid, "server-key");
    expect(sealedMid).toMatchObject({ ok: true, integrity: { status: "sealed", final: false, turn: 1 } });
    expect(sealedMid.ok && sealedMid.integrity.summary).toBe(
      "Sealed by this server · recording taken while the exercise was still running (turn 1)",
    );

    const { d, rec: end } = exported("server-key", playedToTheEnd());
    expect(d.state.status).toBe("ended");
    expect(end.head).toMatchObject({ count: d.commands.length, final: true, turn: d.scenario.turns });
    const sealedEnd = loadRecording(end, "server-key");
    expect(sealedEnd.ok && sealedEnd.integrity.summary).toBe("Sealed by this server · final recording");

    // the earlier download, relabelled as final (or moved to another turn), no longer matches its seal
    const seal = "The seal does not match";
    expect(loadRecording({ ...mid, head: { ...mid.head, final: true } }, "server-key")).toEqual({
      ok: false,
      error: expect.stringContaining(seal),
    });
    expect(loadRecording({ ...mid, head: { ...mid.head, final: true, turn: d.scenario.turns } }, "server-key")).toEqual(
      {
        ok: false,
        error: expect.stringContaining(seal),
      },
    );
    // nor does it pass rewritten as a format 2 file, which makes no claim about being final
    const asV2 = { ...mid, version: 2, head: { count: mid.head.count, hash: mid.head.hash } };
    expect(loadRecording(asV2, "server-key")).toEqual({ ok: false, error: expect.stringContaining(seal) });
    // and the final file's seal does not fit the earlier head
    expect(loadRecording({ ...mid, seal: end.seal }, "server-key")).toEqual({
      ok: false,
      error: expect.stringContaining(seal),
    });
  });

  it("refuses a head without its final mark, by name", () => {
    const { rec } = exported();
    delete rec.head.final;
    expect(loadRecording(rec)).toEqual({
      ok: false,
      error: "The recording is damaged: head.final: Invalid input: expected boolean, received undefined",
    });
  });
});
