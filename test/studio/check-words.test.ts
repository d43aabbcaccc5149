// The validator's most common cross-checks carry a studio-fields key and parameters beside their English: the
// English catalogue words each exactly as the check does, and French, Spanish and Arabic word it whole.
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../shared/scenario/parse.ts";
import type { ScenarioIssue } from "../../shared/scenario/cross-check.ts";
import { SECTOR_KINDS, type Scenario, type SectorKind } from "../../shared/scenario/schema.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { CHECK_MESSAGES } from "../../client/studio/issue-keys.ts";
import { loadScenario } from "../helpers/scenarios.ts";

loadCataloguesFromDisk();

type Draft = Scenario;

/** The scenario's first action, reset to a harmless one the mistake then spoils. */
function act(d: Draft): Scenario["actions"][number] {
  return Object.assign(d.actions[0]!, { severity: 0, target: "none", visibility: "public", effects: [] });
}
const misread = (perceivedSeverity: number) => ({ misreadChance: 0.2, perceivedAs: "an attack", perceivedSeverity });
const incident = (confidence: [number, number]) => ({
  title: "Outage",
  severity: 2,
  confidence,
  falseFlagChance: 0.1,
  publicChance: 0.1,
});
const pressureOn = (team: string) => ({ type: "pressure" as const, team, delta: 2 });
const covertTrust = { type: "trust" as const, a: "actor", b: "target", delta: -5 };
const measure = (kind: "no-target" | "timeline") => ({
  id: `m-${kind}`,
  name: "Measure",
  description: "A measure",
  kind,
  cost: 5,
  trust: 8,
  escalation: -4,
});
const secret = { type: "attribution" as const, correct: true };
type Inject = Scenario["injects"][number];
/** An incident on the first team's `sector`. */
function outage(d: Draft, sector: SectorKind): NonNullable<Inject["incident"]> {
  return {
    title: "Outage",
    victim: d.teams[0]!.id,
    sector,
    severity: 2,
    culprit: null,
    suspect: null,
    confidence: 0.5,
    public: false,
  };
}
/** The first two injects in one group, due together; `spoil` then changes the second. */
function grouped(d: Draft, spoil: (second: Inject) => void): void {
  const [first, second] = [d.injects[0]!, d.injects[1]!];
  first.at = { turn: 1, phase: d.phases[0]!.id };
  Object.assign(second, { at: { ...first.at }, when: undefined, chance: undefined });
  first.when = undefined;
  first.group = second.group = "drawn";
  spoil(second);
}
/** A sector kind no team has. */
function missingKind(d: Draft): SectorKind {
  const kind = SECTOR_KINDS.find((k) => !d.teams.some((t) => t.sectors.some((x) => x.kind === k)));
  if (!kind) throw new Error("every sector kind is held by a team");
  return kind;
}
/** A sector kind the first team lacks. */
function lacking(d: Draft): SectorKind {
  const kind = SECTOR_KINDS.find((k) => !d.teams[0]!.sectors.some((x) => x.kind === k));
  if (!kind) throw new Error("the first team has every sector kind");
  return kind;
}

/** grid-intrusion with one mistake made by `spoil`; its issues. */
function issuesOf(spoil: (d: Draft) => void): ScenarioIssue[] {
  const d = structuredClone(loadScenario("grid-intrusion"));
  spoil(d);
  const r = parseScenario(d);
  return r.ok ? [] : r.issues;
}

const mistakes: [string, (d: Draft) => void][] = [
  ["duplicate-id", (d) => (d.teams[1]!.id = d.teams[0]!.id)],
  ["reserved-id", (d) => (d.teams[0]!.id = "observers")],
  ["first-rung", (d) => (d.ladder.rungs[0]!.from = 5)],
  ["rung-order", (d) => (d.ladder.rungs[1]!.from = 0)],
  ["start-below-top", (d) => (d.ladder.start = 100)],
  ["unknown-rung", (d) => d.ladder.redLines.push({ id: "x", name: "X", rung: "nowhere" })],
  ["one-decision", (d) => (d.phases[2]!.kind = "deliberation")],
  ["one-adjudication", (d) => (d.phases[3]!.kind = "summary")],
  ["adjudication-after", (d) => ([d.phases[2]!.kind, d.phases[3]!.kind] = ["adjudication", "decision"])],
  ["unknown-team", (d) => (d.trust.pairs = [{ a: d.teams[0]!.id, b: "atlantis", value: 40 }])],
  ["unknown-cbm", (d) => d.end.agreement!.cbms.push("no-such-measure")],
  ["agreement-terms", (d) => Object.assign(d.end.agreement!, { cbms: [], statement: false })],
  ["unknown-phase", (d) => (d.injects[0]!.at = { turn: 1, phase: "lunch" })],
  ["after-last-turn", (d) => (d.injects[0]!.at = { turn: 99, phase: d.phases[0]!.id })],
  ["unknown-action", (d) => (d.injects[0]!.when = { type: "action", action: "no-such-act" })],
  ["agreement-after-last", (d) => (d.end.agreement!.notBeforeTurn = d.turns + 1)],
  ["agreement-states", (d) => (d.teams[0]!.role = "neutral")],
  ["trust-pair-same", (d) => (d.trust.pairs = [{ a: d.teams[0]!.id, b: d.teams[0]!.id, value: 40 }])],
  ["hotline-pair-same", (d) => (d.hotline.initial = [[d.teams[0]!.id, d.teams[0]!.id]])],
  ["hostile-needs-target", (d) => Object.assign(act(d), { severity: 3, target: "none", effects: [] })],
  ["misreading-milder", (d) => Object.assign(act(d), { severity: 3, target: "state", perception: misread(0) })],
  ["effects-need-target", (d) => Object.assign(act(d), { target: "none", effects: [pressureOn("target")] })],
  ["perception-needs-target", (d) => Object.assign(act(d), { target: "none", perception: misread(0) })],
  ["incident-needs-target", (d) => Object.assign(act(d), { target: "none", incident: incident([0.3, 0.8]) })],
  ["range-order", (d) => Object.assign(act(d), { target: "state", incident: incident([0.9, 0.2]) })],
  ["covert-trust", (d) => Object.assign(act(d), { target: "state", visibility: "covert", effects: [covertTrust] })],
  ["special-targets-incident", (d) => Object.assign(act(d), { target: "state", special: "investigate" })],
  ["no-target-sectors", (d) => d.cbms.push(measure("no-target"))],
  ["timeline-needs", (d) => d.cbms.push(measure("timeline"))],
  [
    "deadline-never",
    (d) => d.cbms.push({ ...measure("timeline"), timeline: { rung: d.ladder.rungs[0]!.id, withinTurns: d.turns } }),
  ],
  ["no-sector-to-protect", (d) => d.cbms.push({ ...measure("no-target"), protectedSectors: [missingKind(d)] })],
  ["ref-outside-action", (d) => (d.injects[0]!.effects = [pressureOn("actor")])],
  ["trust-self", (d) => (d.injects[0]!.effects = [{ type: "trust", a: d.teams[0]!.id, b: d.teams[0]!.id, delta: 2 }])],
  [
    "team-no-sector",
    (d) => (d.injects[0]!.effects = [{ type: "sector", team: d.teams[0]!.id, sector: lacking(d), delta: -5 }]),
  ],
  ["unknown-inject", (d) => (d.injects[0]!.effects = [{ type: "evidence", incident: "nope", confidence: 0.1 }])],
  ["no-mediator", (d) => ((d.mediator = undefined), (d.injects[0]!.audience = ["mediator"]))],
  [
    "target-sector",
    (d) => (d.injects[0]!.effects = [{ type: "sector", team: d.teams[0]!.id, sector: "target", delta: -5 }]),
  ],
  ["no-reach-actor", (d) => (act(d).effects = [{ type: "sector", team: "actor", sector: missingKind(d), delta: -1 }])],
  [
    "no-reach-target",
    (d) =>
      Object.assign(act(d), {
        target: "state",
        effects: [{ type: "sector", team: "target", sector: missingKind(d), delta: -1 }],
      }),
  ],
  [
    "no-reach-all",
    (d) => (d.injects[0]!.effects = [{ type: "sector", team: "all", sector: missingKind(d), delta: -1 }]),
  ],
  ["evidence-in-action", (d) => (act(d).effects = [{ type: "evidence", incident: "latest", confidence: 0.1 }])],
  [
    "inject-no-incident",
    (d) => {
      const quiet = d.injects.find((i) => !i.incident)!;
      d.injects[0]!.effects = [{ type: "evidence", incident: quiet.id, confidence: 0.1 }];
    },
  ],
  [
    "evidence-too-early",
    (d) => {
      const own = Object.assign(d.injects[0]!, { incident: outage(d, d.teams[0]!.sectors[0]!.kind) });
      own.effects = [{ type: "evidence", incident: own.id, confidence: 0.1 }];
    },
  ],
  ["victim-no-sector", (d) => (d.injects[0]!.incident = outage(d, lacking(d)))],
  [
    "unknown-team-alone",
    (d) => (d.injects[0]!.incident = { ...outage(d, d.teams[0]!.sectors[0]!.kind), culprit: "ghost" }),
  ],
  ["action-no-target", (d) => (d.injects[0]!.when = { type: "action", action: act(d).id, against: d.teams[0]!.id })],
  ["secret-audience", (d) => Object.assign(d.injects[0]!, { when: secret, audience: ["all"] })],
  [
    "secret-effects",
    (d) =>
      Object.assign(d.injects[0]!, { when: secret, audience: ["facilitator"], effects: [pressureOn(d.teams[0]!.id)] }),
  ],
  [
    "secret-incident",
    (d) =>
      Object.assign(d.injects[0]!, {
        when: secret,
        audience: ["facilitator"],
        effects: [],
        incident: outage(d, d.teams[0]!.sectors[0]!.kind),
      }),
  ],
  ["group-alone", (d) => (d.injects[0]!.group = "drawn")],
  [
    "group-unscheduled",
    (d) => grouped(d, (second) => ((second.at = undefined), (second.when = { type: "misattribution" }))),
  ],
  ["group-when", (d) => grouped(d, (second) => (second.when = { type: "misattribution" }))],
  ["group-chance", (d) => grouped(d, (second) => (second.chance = 0.5))],
  ["lang-twice", (d) => (d.languages = ["en", "fr", "fr"])],
  ["lang-unclaimed", (d) => Object.assign(d, { languages: ["en", "fr"], translations: { de: { title: "Titel" } } })],
  ["lang-none-claimed", (d) => Object.assign(d, { languages: undefined, translations: { de: { title: "Titel" } } })],
  ["lang-source", (d) => Object.assign(d, { languages: ["en"], translations: { en: { title: "Title" } } })],
  [
    "lang-unknown-path",
    (d) => Object.assign(d, { languages: ["en", "fr"], translations: { fr: { "injects.nope.title": "Rien" } } }),
  ],
  ["lang-missing", (d) => Object.assign(d, { languages: ["en", "fr"], translations: { fr: {} } })],
];

describe("the cross-checks' keyed messages", () => {
  it.each(mistakes)(
    "%s: English from the catalogue reads as the check's own, and each language words it",
    (id, spoil) => {
      const key = `studio-fields.check.${id}`;
      expect(CHECK_MESSAGES[key], key).toBeDefined();
      const keyed = issuesOf(spoil).filter((i) => i.key === key);
      expect(keyed.length, `${id} raised`).toBeGreaterThan(0);
      const en = createTranslator("en");
      for (const issue of keyed) {
        expect(en.t(key, issue.params)).toBe(issue.message);
        for (const lang of ["fr", "es", "ar"] as const) {
          const text = createTranslator(lang).tryT(key, issue.params);
          expect(text, `${lang} ${key}`).toBeDefined();
          expect(text).not.toBe(issue.message);
          for (const value of Object.values(issue.params ?? {}).filter((v) => typeof v === "string"))
            if (key !== "studio-fields.check.duplicate-id" || value !== issue.params?.what)
              expect(text, `${lang} names ${value}`).toContain(value);
        }
      }
    },
  );

  it("every keyed message is covered above", () => {
    expect(Object.keys(CHECK_MESSAGES).sort()).toEqual(mistakes.map(([id]) => `studio-fields.check.${id}`).sort());
  });

  it("French words a duplicate team id whole", () => {
    const issue = issuesOf((d) => (d.teams[1]!.id = d.teams[0]!.id)).find((i) => i.key?.endsWith("duplicate-id"))!;
    expect(createTranslator("fr").t(issue.key!, issue.params)).toBe(
      "identifiant d’équipe en double : « valdoria » (déjà utilisé à l’indice 0)",
    );
  });
});
