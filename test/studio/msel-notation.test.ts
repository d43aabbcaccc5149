// The readable cells: effects and triggers written in words read back exactly, a cell
// that would be a formula is guarded and comes back unchanged, and bad words are named.
import { describe, expect, it } from "vitest";
import { parseEffects, printEffects } from "../../shared/studio/msel-effects.ts";
import { parseTrigger, printTrigger } from "../../shared/studio/msel-trigger.ts";
import { guardCell, unguardCell } from "../../shared/studio/msel-guard.ts";

describe("effects cell", () => {
  const effects = [
    { type: "escalation", delta: 5 },
    { type: "sector", team: "target", sector: "target", delta: -40 },
    { type: "resilience", team: "actor", sector: "all", delta: 15 },
    { type: "trust", a: "actor", b: "target", delta: -5 },
    { type: "standing", team: "actor", delta: 0.5 },
    { type: "pressure", team: "borealis", delta: -10 },
    { type: "evidence", incident: "blackout", confidence: 0.2, suspect: "austral" },
    { type: "evidence", incident: "latest", confidence: -0.1, suspect: null },
    { type: "evidence", incident: "latest", confidence: 0 },
  ];

  it("writes words that read back the same", () => {
    const text = printEffects(effects);
    expect(text).toBe(
      "escalation +5; sector target target -40; resilience actor all +15; trust actor target -5; standing actor +0.5; " +
        "pressure borealis -10; evidence blackout +0.2 suspect austral; evidence latest -0.1 no suspect; evidence latest +0",
    );
    expect(parseEffects(text)).toEqual({ ok: true, value: effects });
  });

  it("falls back to JSON for what the words cannot say, and reads JSON", () => {
    const odd = [{ type: "escalation", delta: 1, extra: true }];
    expect(printEffects(odd)).toBe(JSON.stringify(odd));
    expect(parseEffects(JSON.stringify(odd))).toEqual({ ok: true, value: odd });
  });

  it("names what is wrong", () => {
    expect(parseEffects("escalation lots")).toEqual({
      ok: false,
      message: 'effect 1: expected "escalation +5": "lots" is not a number',
      key: "studio-msel.problem.effect-number",
      params: { n: 1, example: "escalation +5", got: '"lots"' },
    });
    expect(parseEffects("escalation +1; explode all")).toMatchObject({
      ok: false,
      message: expect.stringContaining("effect 2: expected an effect (escalation, sector,"),
    });
  });
});

describe("trigger cell", () => {
  const cases: [string, unknown][] = [
    ["escalation >= crisis", { type: "escalation", atLeastRung: "crisis" }],
    ["pressure austral >= 80", { type: "pressure", team: "austral", atLeast: 80 }],
    ["sector-down team borealis sector energy", { type: "sector-down", team: "borealis", sector: "energy" }],
    [
      "attribution by borealis accused austral correct false",
      { type: "attribution", by: "borealis", accused: "austral", correct: false },
    ],
    [
      "turn >= 3 and action disrupt by austral against borealis and not measure-adopted pre-notification",
      {
        all: [
          { type: "turn", atLeast: 3 },
          { type: "action", action: "disrupt", by: "austral", against: "borealis" },
          { not: { type: "measure-adopted", cbm: "pre-notification" } },
        ],
      },
    ],
    [
      "(misattribution or commitment-broken) and not (turn >= 2 or pressure >= 70)",
      {
        all: [
          { some: [{ type: "misattribution" }, { type: "commitment-broken" }] },
          {
            not: {
              some: [
                { type: "turn", atLeast: 2 },
                { type: "pressure", atLeast: 70 },
              ],
            },
          },
        ],
      },
    ],
  ];

  it.each(cases)("%s", (text, when) => {
    expect(printTrigger(when)).toBe(text);
    expect(parseTrigger(text)).toEqual({ ok: true, value: when });
  });

  it("writes JSON when the words would read back otherwise", () => {
    const lone = { all: [{ type: "misattribution" }] };
    expect(printTrigger(lone)).toBe(JSON.stringify(lone));
    expect(parseTrigger(JSON.stringify(lone))).toEqual({ ok: true, value: lone });
  });

  it("asks for parentheses when and and or are mixed, and names a condition it does not know", () => {
    expect(parseTrigger("misattribution and turn >= 2 or turn >= 3")).toMatchObject({
      ok: false,
      message: expect.stringContaining("parentheses"),
    });
    expect(parseTrigger("moon full")).toMatchObject({ ok: false, message: expect.stringContaining('got "moon full"') });
    expect(parseTrigger("(misattribution")).toMatchObject({
      ok: false,
      message: expect.stringContaining("not closed"),
    });
  });
});

describe("formula guard", () => {
  it.each(['=HYPERLINK("http://evil")', "+1", "-2", "@SUM(A1)", "'quoted'", "\tx"])(
    "%s is guarded and read back",
    (text) => {
      const cell = guardCell(text);
      expect(cell.startsWith("'")).toBe(true);
      expect(unguardCell(cell)).toBe(text);
    },
  );
  it("leaves plain text and a typed apostrophe alone", () => {
    expect(guardCell("Blackout")).toBe("Blackout");
    expect(unguardCell("'tis the season")).toBe("'tis the season");
  });
});
