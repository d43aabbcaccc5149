// Who someone is: the converters between seats, viewers, actors and the keys
// that name a point of view (a replay link's `pov`, a view group).
import { describe, expect, it } from "vitest";
import { groupKey, partyOf, seatOfKey, type Seat } from "../../shared/protocol/identity.ts";
import { parseViewer } from "../../client/replay/words.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const SEATS: Seat[] = [
  { role: "facilitator" },
  { role: "team", teamId: "austral" },
  { role: "mediator" },
  { role: "observer" },
];

describe("seat keys", () => {
  it("a group key names the seat it was made from", () => {
    for (const s of SEATS) expect(seatOfKey(groupKey(s))).toEqual(s);
  });

  it("names no seat for anything else", () => {
    for (const key of ["", "team:", "system", "Team:austral", "facilitator ", "teams:austral"])
      expect(seatOfKey(key)).toBeNull();
  });

  it("the replay's point of view is the key's seat when the scenario has it, else control's", () => {
    const sc = loadScenario("tutorial");
    expect(parseViewer("team:austral", sc)).toEqual({ role: "team", teamId: "austral" });
    expect(parseViewer("mediator", sc)).toEqual({ role: "mediator" });
    expect(parseViewer("observer", sc)).toEqual({ role: "observer" });
    for (const key of [undefined, "team:atlantis", "nonsense"]) expect(parseViewer(key, sc)).toEqual(SEATS[0]);
    const noMediator = { ...sc, mediator: undefined };
    expect(parseViewer("mediator", noMediator)).toEqual({ role: "facilitator" });
  });

  it("the party a seat or an actor speaks for", () => {
    expect(SEATS.map(partyOf)).toEqual([null, "austral", "mediator", null]);
    expect(partyOf({ role: "team", teamId: "borealis", name: "Bo" })).toBe("borealis");
    expect(partyOf({ role: "system", name: "Phase timer" })).toBeNull();
    expect(partyOf({ role: "team", teamId: null })).toBeNull();
  });
});
