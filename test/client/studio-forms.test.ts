// The studio's forms come from the scenario schema: every part has a form and a tab,
// new items and kinds start from values of the right shape, and the validator's
// paths lead to the fields that show them.
import { describe, expect, it } from "vitest";
import { effect, scenario as scenarioSchemaZod } from "../../shared/scenario/schema.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { blankScenario } from "../../shared/studio/blank.ts";
import {
  branchesOf,
  branchLabel,
  branchOf,
  resolve,
  scenarioSchema,
  shapeOf,
  skeleton,
  labelOf,
  type Node,
} from "../../client/studio/schema-node.ts";
import { ancestors, getAt, joinPath, keysOf, move, normalizePath, setAt, within } from "../../client/studio/paths.ts";
import { freshId, itemTitle, suggestionsFor } from "../../client/studio/refs.ts";
import { choicesOf } from "../../client/studio/choices.ts";
import { sectionOf, sections } from "../../client/studio/sections.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const root = scenarioSchema();
const prop = (path: string): Node => {
  let node: Node = root;
  for (const k of keysOf(path)) {
    node = resolve(node);
    node = typeof k === "number" ? (node.items as Node) : node.properties![k]!;
  }
  return resolve(node);
};

describe("the blank scenario", () => {
  it("validates as it is, under the id the designer gives", () => {
    const res = parseScenario(blankScenario("harbour-drill"));
    expect(res.ok ? res.scenario.id : res.issues).toBe("harbour-drill");
    if (res.ok) expect(res.scenario.teams).toHaveLength(2);
  });
});

describe("forms from the schema", () => {
  it("puts every top-level part of a scenario in exactly one tab", () => {
    const keys = Object.keys(root.properties!).filter((k) => k !== "$schema" && k !== "formatVersion");
    const placed = sections().flatMap((s) => s.keys);
    expect([...placed].sort()).toEqual([...keys].sort());
    expect(sectionOf("injects.3.title").id).toBe("injects");
    expect(sectionOf("ladder.rungs.0.from").id).toBe("ladder");
  });

  it("draws every node of the schema as a known kind of field", () => {
    const seen = new Set<string>();
    const walk = (raw: Node, path: string, depth: number) => {
      if (depth > 8) return;
      const node = resolve(raw);
      const shape = shapeOf(node);
      seen.add(shape.kind);
      if (shape.kind === "text") expect(node.type === "string" || branchesOf(node).length > 0, path).toBe(true);
      if (shape.kind === "object") for (const [k, n] of shape.props) walk(n, `${path}.${k}`, depth + 1);
      if (shape.kind === "array") walk(shape.item, `${path}[]`, depth + 1);
      if (shape.kind === "tuple") shape.items.forEach((n, i) => walk(n, `${path}.${i}`, depth + 1));
      if (shape.kind === "union") shape.branches.forEach((b) => walk(b, `${path}|${branchLabel(b)}`, depth + 1));
      if (shape.kind === "record") walk(shape.value, `${path}.*`, depth + 1);
      if (shape.kind === "nullable") walk(shape.inner, `${path}?`, depth + 1);
    };
    walk(root, "", 0);
    expect([...seen].sort()).toEqual(
      [
        "array",
        "boolean",
        "const",
        "nullable",
        "number",
        "object",
        "record",
        "select",
        "text",
        "tuple",
        "union",
      ].sort(),
    );
  });

  it("reads the fields a designer meets as the right controls, with their descriptions and bounds", () => {
    expect(shapeOf(prop("teams.0.sectors.0.kind"))).toMatchObject({
      kind: "select",
      options: expect.arrayContaining(["energy", "defence"]),
    });
    expect(shapeOf(prop("phases.0.durationSeconds"))).toEqual({ kind: "number", integer: true, min: 0, max: 86400 });
    expect(prop("phases.0.durationSeconds").description).toMatch(/phase timer/);
    expect(shapeOf(prop("ladder.start"))).toEqual({ kind: "number", integer: false, min: 0, max: 100 });
    const team = shapeOf(prop("actions.0.effects.0").oneOf![1]!.properties!.team!);
    expect(team).toEqual({ kind: "text", suggestions: ["actor", "target", "others", "all"] });
    expect(shapeOf(prop("injects.0.incident.culprit")).kind).toBe("nullable");
    expect(shapeOf(prop("actions.0.incident.confidence")).kind).toBe("tuple");
    expect(shapeOf(prop("translations")).kind).toBe("record");
    expect(labelOf("durationSeconds")).toBe("Duration seconds");
  });

  it("offers each kind of a union by its name and knows which a value is", () => {
    const effects = shapeOf(prop("actions.0.effects.0"));
    expect(effects.kind).toBe("union");
    if (effects.kind !== "union") return;
    expect(effects.branches.map(branchLabel)).toEqual([
      "escalation",
      "sector",
      "resilience",
      "trust",
      "standing",
      "pressure",
      "evidence",
    ]);
    expect(branchOf({ type: "trust", a: "actor", b: "target", delta: 1 }, effects.branches)).toBe(3);
    const when = shapeOf(prop("injects.0.when"));
    if (when.kind !== "union") throw new Error(`a condition is a union, not ${when.kind}`);
    expect(when.branches.map(branchLabel)).toEqual(
      expect.arrayContaining(["escalation", "turn", "all", "some", "not"]),
    );
    expect(branchOf({ not: { type: "misattribution" } }, when.branches)).toBe(
      when.branches.map(branchLabel).indexOf("not"),
    );
    const initial = shapeOf(prop("hotline.initial"));
    if (initial.kind !== "union") throw new Error("the initial hotlines are a union");
    expect(initial.branches.map(branchLabel)).toEqual(["all", "none", "list"]);
    expect(branchOf("none", initial.branches)).toBe(1);
    expect(branchOf([["a", "b"]], initial.branches)).toBe(2);
  });

  it("starts a new effect of every kind with the fields it needs, and the tutorial's teams valid", () => {
    const effects = shapeOf(prop("actions.0.effects.0"));
    if (effects.kind !== "union") throw new Error("effects are a union");
    for (const b of effects.branches) {
      const value = skeleton(b);
      if (branchLabel(b) === "evidence") expect(value).toEqual({ type: "evidence", incident: "", confidence: 0 });
      else expect(effect.safeParse(value).success, JSON.stringify(value)).toBe(true);
    }
    const newTeam = skeleton(prop("teams.0"), "state-c") as Record<string, unknown>;
    expect(newTeam.id).toBe("state-c");
    expect(Object.keys(newTeam).sort()).toEqual(["briefing", "color", "id", "name", "sectors"]);
    expect(skeleton(prop("actions.0.incident.confidence"))).toEqual([0, 0]);
    // reference fields start with an id the draft has
    const draft = blankScenario();
    const at = skeleton(prop("injects.0.at"), "x", (key) => suggestionsFor(draft, key)[0], "at");
    expect(at).toEqual({ turn: 1, phase: "briefing" });
    const culprit = skeleton(prop("injects.0.incident"), "x", (key) => suggestionsFor(draft, key)[0], "incident");
    expect(culprit).toMatchObject({ victim: "state-a", culprit: null, suspect: null, sector: "energy" });
  });
});

describe("paths between the validator and the fields", () => {
  it("turns the validator's paths into the fields' and finds the parts around them", () => {
    expect(normalizePath("injects[3].title")).toBe("injects.3.title");
    expect(normalizePath("(root)")).toBe("");
    expect(keysOf("teams[1].sectors[0].kind")).toEqual(["teams", 1, "sectors", 0, "kind"]);
    expect(ancestors("teams.1.name")).toEqual(["teams.1.name", "teams.1", "teams", ""]);
    expect(within("teams.10.name", "teams.1")).toBe(false);
    expect(within("teams.1.name", "teams.1")).toBe(true);
  });

  it("shows a field's error where the designer typed it, and none once fixed", () => {
    const draft = blankScenario() as Record<string, unknown>;
    setAt(draft, "teams.1.name", "");
    const bad = parseScenario(draft);
    expect(bad.ok ? [] : bad.issues.map((i) => normalizePath(i.path))).toEqual(["teams.1.name"]);
    setAt(draft, "teams.1.name", "Harbour State");
    expect(parseScenario(draft).ok).toBe(true);
    expect(getAt(draft, "teams.1.name")).toBe("Harbour State");
  });

  it("writes only what was edited, removes an emptied optional field and reorders lists", () => {
    const tutorial = structuredClone(loadScenario("tutorial")) as unknown as Record<string, unknown>;
    const before = JSON.stringify(tutorial);
    setAt(tutorial, "phases.1.durationSeconds", undefined);
    expect(getAt(tutorial, "phases.1")).toEqual({ id: "deliberation", name: "Deliberation", kind: "deliberation" });
    setAt(tutorial, "phases.1.durationSeconds", 600);
    expect(JSON.stringify(tutorial)).toBe(before);
    const list = ["a", "b", "c"];
    move(list, 2, 0);
    expect(list).toEqual(["c", "a", "b"]);
    move(list, 0, -1);
    expect(list).toEqual(["c", "a", "b"]);
    expect(scenarioSchemaZod.safeParse(tutorial).success).toBe(true);
  });

  it("keeps a translation key with dots as one key", () => {
    const path = joinPath("translations.fr", "injects.blackout.body");
    expect(keysOf(path)).toEqual(["translations", "fr", "injects.blackout.body"]);
    const draft: Record<string, unknown> = { translations: { fr: {} } };
    setAt(draft, path, "Panne à la capitale");
    expect(draft).toEqual({ translations: { fr: { "injects.blackout.body": "Panne à la capitale" } } });
    expect(getAt(draft, path)).toBe("Panne à la capitale");
  });

  it("ticks names from a known set instead of typing them, and types the rest", () => {
    const draft = blankScenario();
    expect(choicesOf(draft, "audience", prop("injects.0.audience.0"))).toEqual([
      "all",
      "mediator",
      "observers",
      "facilitator",
      "state-a",
      "state-b",
    ]);
    expect(choicesOf(draft, "availableTo", prop("actions.0.availableTo.0"))).toEqual(["state-a", "state-b"]);
    expect(choicesOf(draft, "protectedSectors", prop("cbms.0.protectedSectors.0"))).toContain("energy");
    expect(choicesOf(draft, "cbms", prop("end.agreement.cbms.0"))).toEqual([]);
    expect(choicesOf(draft, "languages", prop("languages.0"))).toBeNull();
    expect(choicesOf(draft, "objectives", prop("teams.0.objectives.0"))).toBeNull();
  });

  it("suggests the ids a field may name and gives new items unused ids", () => {
    const draft = blankScenario();
    expect(suggestionsFor(draft, "team")).toEqual(["state-a", "state-b"]);
    expect(suggestionsFor(draft, "audience")).toEqual([
      "all",
      "mediator",
      "observers",
      "facilitator",
      "state-a",
      "state-b",
    ]);
    expect(suggestionsFor(draft, "atLeastRung")).toEqual(["calm", "crisis", "conflict"]);
    expect(suggestionsFor(draft, "phase")).toContain("decision");
    expect(freshId([{ id: "inject-2" }], "injects")).toBe("inject-3");
    expect(freshId([{ id: "red-line-1" }], "redLines")).toBe("red-line-2");
    expect(itemTitle({ id: "x", title: "Blackout" })).toBe("Blackout");
    expect(itemTitle({ all: [] })).toBe("all");
  });
});
