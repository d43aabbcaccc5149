// How a misattribution finding reads: did the accuser follow the evidence or go against it?
import { describe, expect, it } from "vitest";
import { misattributionLine } from "../../shared/report/findings.ts";
import type { Misattribution } from "../../shared/report/types.ts";

const base: Misattribution = {
  incidentId: "incident-1",
  incident: "Grid control malware",
  by: { id: "borealis", name: "Borealis" },
  accused: { id: "austral", name: "Austral" },
  culprit: { id: null, name: "a non-state actor" },
  pointedAt: { id: "austral", name: "Austral" },
  turn: 1,
  confidence: 0.87,
  seq: 12,
};

describe("a misattribution's evidence, in words", () => {
  it("says the evidence pointed at the accused when it did (a false flag)", () => {
    expect(misattributionLine(base)).toBe(
      "Turn 1: Borealis blamed Austral for “Grid control malware” on 87% evidence pointing at Austral; it was a non-state actor.",
    );
  });
  it("says the accuser went against evidence that named the real culprit", () => {
    expect(misattributionLine({ ...base, pointedAt: base.culprit })).toBe(
      "Turn 1: Borealis blamed Austral for “Grid control malware” although the evidence (87%) rightly pointed at a non-state actor.",
    );
  });
  it("names a third party the evidence pointed at", () => {
    expect(
      misattributionLine({
        ...base,
        culprit: { id: "saranth", name: "Saranth" },
        pointedAt: { id: "ostmere", name: "Ostmere" },
      }),
    ).toBe(
      "Turn 1: Borealis blamed Austral for “Grid control malware” although the evidence (87%) pointed at Ostmere; it was Saranth.",
    );
  });
});
