// Bots in neutral and non-state seats: every policy still plays full games,
// a non-state seat never proposes nor is named a party, and no bot sends what
// its view shows to be impossible.
import { describe, expect, it } from "vitest";
import { POLICY_NAMES, playGame, policyByName, type Policy, type PolicyName } from "../../shared/bots/index.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { rawScenario } from "../helpers/scenarios.ts";

/** Civilian Shield with its third state neutral and its fourth an armed group. */
function withRoles(): Scenario {
  const raw = structuredClone(rawScenario("civilian-shield")) as { teams: { id: string; role?: string }[] };
  raw.teams[2]!.role = "neutral";
  raw.teams[3]!.role = "non-state";
  const r = parseScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

const NEVER = ["schema", "not-found", "forbidden"];

function seatsFor(sc: Scenario, name: PolicyName): Record<string, Policy> {
  const team = name === "mediator" ? "cautious-diplomat" : name;
  const seats: Record<string, Policy> = Object.fromEntries(sc.teams.map((t) => [t.id, policyByName(team)]));
  if (sc.mediator) seats.mediator = policyByName("mediator");
  return seats;
}

describe("bots with neutral and non-state seats", () => {
  const sc = withRoles();
  const armedGroup = sc.teams[3]!.id;

  it.each(POLICY_NAMES.map((n) => [n]))(
    "%s plays; the non-state seat proposes nothing and is party to nothing",
    (name) => {
      for (let n = 0; n < 8; n++) {
        const r = playGame(sc, `roles-${n}`, seatsFor(sc, name));
        expect(r.state.status).toBe("ended");
        for (const x of r.refusals) expect(NEVER, `${x.command.type}: ${x.message}`).not.toContain(x.code);
        for (const p of r.state.proposals) {
          expect(p.proposer).not.toBe(armedGroup);
          expect(p.parties).not.toContain(armedGroup);
        }
      }
    },
  );

  it("diplomats still conclude measures among the states and the neutral one", () => {
    const adopted = Array.from({ length: 8 }, (_, n) => playGame(sc, `roles-${n}`, seatsFor(sc, "cautious-diplomat")))
      .flatMap((r) => r.state.commitments)
      .map((c) => c.parties);
    expect(adopted.length).toBeGreaterThan(0);
    for (const parties of adopted) expect(parties).not.toContain(armedGroup);
  });
});
