// The ad-hoc inject form's field checks travel as refusal keys with parameters (refusals-engine.inject.field.*):
// a French or Arabic member of control reads the whole refusal in their language, naming the field; English keeps
// the validator's own sentence.
import { afterAll, describe, expect, it } from "vitest";
import { Driver, control } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { apply, type Command } from "../../shared/engine/index.ts";
import { command, type CommandInput } from "../../shared/protocol/commands.ts";
import { setLocale } from "../../client/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { commandRefusalText, type RefusalLike } from "../../client/net/refusals.ts";

loadCataloguesFromDisk();
afterAll(() => setLocale("en"));

const started = () => {
  const d = new Driver(fixture(), "adhoc-words");
  d.do(control, { type: "exercise.start" });
  return d;
};
const base = { type: "inject.create" as const, title: "T", body: "B", audience: ["all"] };
const incident = { title: "X", victim: "gamma", sector: "finance" as const, severity: 1, culprit: null, suspect: null };

/** The refusal of a command as it travels to a client. */
function refusal(d: Driver, input: CommandInput | Command, parse = true): RefusalLike {
  const cmd = parse ? command.parse(input) : (input as Command);
  const r = apply(d.state, { at: d.state.now + 1000, actor: control, command: cmd });
  if (r.ok) throw new Error("accepted");
  return r.error as RefusalLike;
}

function inLanguages(r: RefusalLike): Record<"en" | "fr" | "ar", string> {
  const out = { en: "", fr: "", ar: "" };
  for (const l of ["en", "fr", "ar"] as const) {
    setLocale(l);
    out[l] = commandRefusalText(r);
  }
  setLocale("en");
  return out;
}

describe("the ad-hoc inject form's field checks in the participant's language", () => {
  const cases: [string, CommandInput, string, string, RegExp, RegExp][] = [
    [
      "a team without the sector",
      { ...base, effects: [{ type: "sector", team: "gamma", sector: "energy", delta: -5 }] },
      "refusals-engine.inject.field.no-sector",
      'effects[0].sector: team "gamma" has no energy sector (it has: finance)',
      /^effects\[0\]\.sector : l’équipe « gamma » n’a pas de secteur energy\.$/,
      /^effects\[0\]\.sector: ليس لدى الفريق «gamma» قطاع energy\.$/,
    ],
    [
      "an unknown victim",
      { ...base, incident: { ...incident, victim: "zeta", confidence: 0.5 } },
      "refusals-engine.inject.field.unknown-team",
      'incident.victim: unknown team "zeta" (teams: alpha, beta, gamma)',
      /^incident\.victim : l’équipe « zeta » n’existe pas\.$/,
      /^incident\.victim: لا يوجد فريق «zeta»\.$/,
    ],
    [
      "an action's word in an inject",
      { ...base, effects: [{ type: "standing", team: "actor", delta: -5 }] },
      "refusals-engine.inject.field.actor-target",
      'effects[0].team: "actor" only means something inside an action; name a team',
      /^effects\[0\]\.team : « actor » n’a de sens que dans une action ; indiquez une équipe\.$/,
      /^effects\[0\]\.team: لا معنى لـ«actor» إلا داخل إجراء؛ حدّد فريقًا\.$/,
    ],
    [
      "evidence about an inject that creates no incident",
      { ...base, effects: [{ type: "evidence", incident: "no-such", confidence: 0.1 }] },
      "refusals-engine.inject.field.unknown-inject",
      'effects[0].incident: unknown inject "no-such": name an inject that creates an incident, or "latest"',
      /^effects\[0\]\.incident : l’inject « no-such » n’existe pas ; .*« latest »\.$/,
      /^effects\[0\]\.incident: لا يوجد مستجد «no-such»؛ .*«latest»\.$/,
    ],
  ];
  for (const [what, input, key, english, fr, ar] of cases)
    it(`${what}: a key with the field, worded whole in French and Arabic`, () => {
      const d = started();
      const r = refusal(d, input);
      expect(r.code).toBe("invalid");
      expect(r.params?.reason).toBe(key);
      const text = inLanguages(r);
      expect(text.en).toBe(english);
      expect(text.fr.replace(/\u00a0/g, " ")).toMatch(fr);
      expect(text.ar).toMatch(ar);
      for (const t of [text.fr, text.ar]) expect(t).not.toMatch(/unknown|only means|has no|name a/);
    });

  it("a schema check (a field the protocol let through, e.g. from an older client) names its field and limit", () => {
    const d = started();
    const r = refusal(d, { ...base, title: "", effects: [{ type: "escalation", delta: 1 }] } as Command, false);
    expect(r.params).toMatchObject({ reason: "refusals-engine.inject.field.too-small", path: "title", what: "text" });
    expect(r.message).toMatch(/^title: /);
    const text = inLanguages(r);
    expect(text.fr.replace(/\u00a0/g, " ")).toBe("title : au moins 1 caractère.");
    expect(text.ar).toBe("title: يجب ألا يقل عدد الأحرف عن 1.");
  });

  it("trust between a team and itself: keyed, naming the effect", () => {
    const d = started();
    const r = refusal(d, {
      ...base,
      effects: [{ type: "trust", a: "alpha", b: "alpha", delta: 3 }],
    });
    expect(r.params).toMatchObject({ reason: "refusals-engine.inject.field.trust-itself", path: "effects[0]" });
    expect(inLanguages(r).fr).toContain("effects[0]");
  });
});
