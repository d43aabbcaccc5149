// The publisher encodes each group's patch once: every member of a group gets
// the very same bytes, decoding to the patch that brings its view up to date;
// a group that may see nothing of a command gets nothing. A joining client's
// snapshot frame (its own details, the group's view encoded once per version)
// decodes to the whole message. Frames are decoded as the SDK does (msgpack
// after the type), so what reaches a browser is what is checked.
import { describe, expect, it } from "vitest";
import { unpack } from "msgpackr";
import { getMessageBytes, Protocol } from "@colyseus/core";
import { init, step, view } from "../../shared/engine/index.ts";
import { applyPatch, type PatchOp } from "../../shared/protocol/patch.ts";
import { command, type CommandInput } from "../../shared/protocol/commands.ts";
import { groupKey, type Actor, type Seat } from "../../shared/protocol/identity.ts";
import type { PatchMessage } from "../../shared/protocol/messages.ts";
import { Publisher, type Recipient } from "../../server/room/publisher.ts";
import { loadScenario } from "../helpers/scenarios.ts";

/** The message a frame carries: what follows the frame's code and type (msgpack). */
function decode(bytes: Uint8Array, type: string): unknown {
  const header = getMessageBytes.raw(Protocol.ROOM_DATA, type).byteLength;
  return unpack(bytes.subarray(header));
}

const BOREALIS: Seat = { role: "team", teamId: "borealis" };
const AUSTRAL: Seat = { role: "team", teamId: "austral" };
const CONTROL: Seat = { role: "facilitator" };

describe("the publisher", () => {
  it("sends each group one encoding of its patch, nothing to a group that may see nothing, and snapshots that decode whole", () => {
    const state = init(loadScenario("tutorial"), { seed: "publisher" });
    const publisher = new Publisher();
    const got = new Map<string, Uint8Array[]>();
    const member = (name: string, seat: Seat): Recipient => ({
      seat,
      raw: (b) => got.set(name, [...(got.get(name) ?? []), b]),
    });
    const members = [member("bo1", BOREALIS), member("bo2", BOREALIS), member("bo3", BOREALIS), member("al", AUSTRAL)];
    const everyone = [...members, member("control", CONTROL)];
    const held = new Map<string, unknown>();
    for (const [name, seat] of [
      ["borealis", BOREALIS],
      ["austral", AUSTRAL],
      ["control", CONTROL],
    ] as const)
      held.set(name, structuredClone(publisher.current(state, seat).view));
    let at = 1_700_000_000_000;
    const act = (actor: Actor, input: CommandInput) => {
      got.clear();
      const r = step(state, { at: (at += 60_000), actor, command: command.parse(input) });
      expect(r.ok, input.type).toBe(true);
      publisher.publish(state, new Set(everyone.map((m) => groupKey(m.seat))), at)(() => everyone);
    };
    const control: Actor = { role: "facilitator", name: "Control" };
    act(control, { type: "exercise.start" });
    // one encoding for the whole team: the same bytes object to each member
    const bo = got.get("bo1")!;
    expect(bo).toHaveLength(1);
    expect(got.get("bo2")![0]).toBe(bo[0]);
    expect(got.get("bo3")![0]).toBe(bo[0]);
    const patch = decode(bo[0]!, "patch") as PatchMessage;
    expect(patch).toMatchObject({ from: 1, to: 2 });
    expect(applyPatch(held.get("borealis"), patch.ops as PatchOp[])).toEqual(
      view(state, { role: "team", teamId: "borealis" }),
    );

    // Borealis' team chat: Austral hears nothing, not even that something happened; control does
    act({ role: "team", teamId: "borealis", name: "Bo" }, { type: "team.chat", text: "between us" });
    expect(got.has("al")).toBe(false);
    expect(got.get("bo1")).toHaveLength(1);
    expect(got.get("control")).toHaveLength(1);

    // a client joining Borealis gets its details and the group's view at its version, in one frame
    const details = {
      seat: { exerciseId: "ex-1", role: "team", teamId: "borealis", seatName: "Borealis", name: "Bo", sessionId: "s1" },
      serverTime: at,
    };
    const frame = publisher.snapshotFrame(state, BOREALIS, details as never);
    const snapshot = decode(frame, "snapshot") as { version: number; view: unknown };
    expect(snapshot).toEqual({
      ...details,
      version: 3,
      view: structuredClone(view(state, { role: "team", teamId: "borealis" })),
    });
    // the view part is encoded once per version: a second joiner's frame differs only in its details
    const again = decode(
      publisher.snapshotFrame(state, BOREALIS, { ...details, serverTime: at + 1 } as never),
      "snapshot",
    );
    expect(again).toEqual({ ...snapshot, serverTime: at + 1 });
  });

  it("shows a joiner only what is durable: a patch prepared for a command still being written is not in a snapshot", () => {
    const state = init(loadScenario("tutorial"), { seed: "publisher-durable" });
    const publisher = new Publisher();
    const groups = new Set([groupKey(BOREALIS)]);
    const got: Uint8Array[] = [];
    const bo: Recipient = { seat: BOREALIS, raw: (b) => got.push(b) };
    const before = structuredClone(publisher.current(state, BOREALIS).view);
    const details = { seat: { role: "team", teamId: "borealis" }, serverTime: 1 } as never;
    const control: Actor = { role: "facilitator", name: "Control" };
    expect(step(state, { at: 1, actor: control, command: command.parse({ type: "exercise.start" }) }).ok).toBe(true);
    const send = publisher.publish(state, groups, 1);
    // written, not yet durable: a joiner gets the view as it was, at the version it was
    expect(decode(publisher.snapshotFrame(state, BOREALIS, details), "snapshot")).toMatchObject({
      version: 1,
      view: before,
    });
    expect(publisher.current(state, BOREALIS)).toMatchObject({ version: 1, view: before });
    send(() => [bo]);
    expect(got).toHaveLength(1);
    const now = structuredClone(view(state, { role: "team", teamId: "borealis" }));
    expect(decode(publisher.snapshotFrame(state, BOREALIS, details), "snapshot")).toMatchObject({
      version: 2,
      view: now,
    });
    // a group begun now starts from the state as applied: the room waits for `basis` commands to be durable
    expect(publisher.current(state, { role: "team", teamId: "austral" }).basis).toBe(state.seq);
  });
});
