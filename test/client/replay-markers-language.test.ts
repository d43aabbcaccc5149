// The replay's inject markers name the scenario's injects in the reader's language: the recording carries the
// scenario's translations, and a French reader reads their French titles; an English reader the scenario's own.
import { afterEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Viewer } from "../../shared/engine/index.ts";
import { setLocale } from "../../client/i18n/index.ts";
import { Timeline } from "../../client/replay/timeline.ts";
import { markersFor } from "../../client/replay/markers.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const CONTROL: Viewer = { role: "facilitator" };
const file = JSON.parse(readFileSync("scenarios/tutorial.json", "utf8")) as {
  injects: { id: string; title: string }[];
  translations: Record<string, Record<string, string>>;
};

afterEach(() => setLocale("en"));

async function timeline(): Promise<Timeline> {
  const d = new Driver(loadScenario("tutorial"), "markers-language");
  d.do(control, { type: "exercise.start" });
  d.advanceTo("deliberation");
  const r = d.recording();
  const t = new Timeline(r.scenario, r.seed, r.title, r.commands);
  await new Promise<void>((done) => {
    if (t.done) return done();
    t.onProgress((p) => p.done && done());
  });
  return t;
}

describe("the replay's markers in the reader's language", () => {
  it("names a released inject by its French title for a French reader, by its own for an English one", async () => {
    const t = await timeline();
    const english = markersFor(t, CONTROL).filter((m) => m.kind === "inject");
    expect(english.length).toBeGreaterThan(0);
    const released = file.injects.filter((i) => english.some((m) => m.ref === i.id));
    expect(released.length).toBeGreaterThan(0);
    for (const i of released) expect(english.find((m) => m.ref === i.id)!.label).toContain(i.title);
    setLocale("fr");
    const french = markersFor(t, CONTROL).filter((m) => m.kind === "inject");
    for (const i of released) {
      const label = french.find((m) => m.ref === i.id)!.label;
      expect(label).toContain(file.translations.fr![`injects.${i.id}.title`]);
      expect(label).not.toContain(i.title);
    }
  });
});
