import { describe, expect, it } from "vitest";
import { view } from "../../shared/engine/index.ts";
import { localizeView, viewTranslations } from "../../shared/scenario/view-texts.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario } from "../helpers/scenarios.ts";

const tutorial = loadScenario("tutorial");
const fr = tutorial.translations!.fr!;

function started(): Driver {
  const d = new Driver(tutorial, "view-texts");
  d.do(control, { type: "exercise.start" });
  return d;
}

describe("a view's scenario texts in a language", () => {
  it("translates what a team's view holds: briefing, actions, injects, the log's titles, the board's names", () => {
    const d = started();
    const v = view(d.state, { role: "team", teamId: "borealis" });
    const local = localizeView(v, viewTranslations(tutorial, v, "fr"));
    expect(local.me).toMatchObject({ kind: "team", briefing: fr["teams.borealis.briefing"] });
    expect(local.me?.kind === "team" && local.me.actions.find((a) => a.id === "probe")?.perception?.perceivedAs).toBe(
      fr["actions.probe.perception.perceivedAs"],
    );
    expect(local.injects.find((i) => i.id === "blackout")?.body).toBe(fr["injects.blackout.body"]);
    expect(local.incidents[0]?.title).toBe(fr["injects.blackout.incident.title"]);
    const released = local.log.find((e) => e.type === "inject.released" && e.inject === "blackout");
    expect(released && "title" in released && released.title).toBe(fr["injects.blackout.title"]);
    expect(local.teams.find((t) => t.id === "austral")?.sectors.map((s) => s.name)).toEqual([
      fr["teams.austral.sectors.energy.name"],
      fr["teams.austral.sectors.finance.name"],
      fr["teams.austral.sectors.telecom.name"],
    ]);
    expect(local.exercise.title).toBe(fr.title);
    expect(local.actionNames.harden).toBe(fr["actions.harden.name"]);
    // the view it came from is untouched, and the parts without scenario texts are shared
    expect(v.injects.find((i) => i.id === "blackout")?.title).toBe("Blackout in the Borealis capital");
    expect(local.history).toBe(v.history);
  });

  it("an incident title without its source (hidden from teams) is found by its text", () => {
    const d = started();
    const v = view(d.state, { role: "team", teamId: "borealis" });
    expect(v.incidents[0]?.source).toBeUndefined();
    expect(viewTranslations(tutorial, v, "ar")[`incidents.${v.incidents[0]!.id}.title`]).toBe(
      tutorial.translations!.ar!["injects.blackout.incident.title"],
    );
  });

  it("leaves alone what control typed: an exercise title of its own, an ad-hoc inject", () => {
    const d = new Driver(tutorial, "view-texts-own");
    d.state = { ...d.state, title: "Course 7: First Light" };
    d.do(control, { type: "exercise.start" });
    d.do(control, {
      type: "inject.create",
      title: "Blackout in the Borealis capital",
      body: "A second one.",
      channel: "news",
      audience: ["all"],
    });
    const v = view(d.state, { role: "team", teamId: "borealis" });
    const texts = viewTranslations(tutorial, v, "fr");
    expect(texts["exercise.title"]).toBeUndefined();
    const adhoc = localizeView(v, texts).injects.find((i) => i.adhoc);
    expect(adhoc?.title).toBe("Blackout in the Borealis capital");
  });

  it("gives nothing of another team's: Austral's view has no word of Borealis's briefing or inject", () => {
    const d = started();
    d.advanceTo("deliberation");
    const v = view(d.state, { role: "team", teamId: "austral" });
    const all = JSON.stringify(viewTranslations(tutorial, v, "fr"));
    expect(all).toContain(fr["teams.austral.briefing"]!);
    expect(all).not.toContain(fr["teams.borealis.briefing"]!);
    expect(all).not.toContain(fr["injects.borealis-cert.body"]!);
    expect(all).not.toContain(fr["injects.control-note.body"]!);
  });
});
