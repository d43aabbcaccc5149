// Team roles: a non-state actor never proposes, accepts or is a party to
// measures and statements; a neutral state negotiates; neither is needed in
// the end agreement, which binds the states.
import { describe, expect, it } from "vitest";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { agreementConcluded } from "../../shared/engine/agreements.ts";
import type { TeamRole } from "../../shared/scenario/schema.ts";

/** The fixture (its agreement: the no-target measure among all states) with Gamma in a role, at turn 1's deliberation. */
function talks(gamma?: TeamRole): Driver {
  const d = new Driver(
    fixture((s) => {
      if (gamma) s.teams![2]!.role = gamma;
    }),
  );
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  return d;
}

/** Alpha proposes the no-target measure (to the default parties unless named); every party but Alpha accepts. */
function adoptNoTarget(d: Driver, parties?: string[]): string[] {
  d.do(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "no-target", ...(parties ? { parties } : {}) });
  const p = d.state.proposals.at(-1)!;
  for (const t of p.parties)
    if (t !== "alpha") d.do(team(t), { type: "proposal.respond", proposalId: p.id, accept: true });
  return p.parties;
}

describe("team roles", () => {
  it("a non-state actor cannot propose, nor be named a party", () => {
    const d = talks("non-state");
    expect(d.try(team("gamma"), { type: "proposal.create", kind: "statement", text: "We stand down" })).toBe(
      "Gamma is not a state: it cannot propose measures or statements",
    );
    expect(
      d.try(team("alpha"), { type: "proposal.create", kind: "cbm", cbmId: "hotline", parties: ["alpha", "gamma"] }),
    ).toBe("Gamma is not a state: it cannot be a party to measures or statements");
    expect(d.state.proposals).toEqual([]);
  });

  it("a measure among the states concludes the agreement without the non-state actor", () => {
    const d = talks("non-state");
    // proposed to every team by default: the states only
    expect(adoptNoTarget(d)).toEqual(["alpha", "beta"]);
    expect(agreementConcluded(d.state)).toBe(true);
  });

  it("a neutral state negotiates, and the agreement does not wait for it", () => {
    const d = talks("neutral");
    d.do(team("gamma"), { type: "proposal.create", kind: "cbm", cbmId: "hotline", parties: ["alpha", "gamma"] });
    expect(adoptNoTarget(d, ["alpha", "beta"])).toEqual(["alpha", "beta"]);
    expect(agreementConcluded(d.state)).toBe(true);
  });

  it("with three states the same measure between two of them concludes nothing", () => {
    const d = talks();
    expect(adoptNoTarget(d, ["alpha", "beta"])).toEqual(["alpha", "beta"]);
    expect(agreementConcluded(d.state)).toBe(false);
  });
});
