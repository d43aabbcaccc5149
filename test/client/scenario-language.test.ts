// The client's one hook for scenario texts (client/net/scenario-language.ts) against a real server: a French
// participant's view never shows an inject in English, a slow answer holds the view back two seconds at most,
// and a participant reading the scenario's own language stops asking.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setLocale } from "../../client/i18n/index.ts";
import { ScenarioLanguage } from "../../client/net/scenario-language.ts";
import type { TextsReply } from "../../shared/scenario/view-texts.ts";
import { loadScenario } from "../helpers/scenarios.ts";
import { Participant, createExercise, startTestServer, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
const people: Participant[] = [];
beforeAll(async () => {
  srv = await startTestServer();
});
afterEach(() => setLocale("en"));
afterAll(async () => {
  for (const p of people) await p.leave();
  await srv?.close();
});

const fr = loadScenario("tutorial").translations!.fr!;

/** Control and a Borealis member whose store goes through a ScenarioLanguage asking with `ask`. */
async function setUp(seed: string, ask: (p: Participant, lang: string) => Promise<TextsReply>) {
  const ex = await createExercise(srv.url, "tutorial", seed);
  const ctl = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
  const bo = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Bo");
  people.push(ctl, bo);
  const shown: string[] = [];
  const texts = new ScenarioLanguage(
    (lang) => ask(bo, lang),
    () => bo.store.refresh(),
  );
  bo.store.localize = (v) => texts.localize(v);
  bo.store.subscribe((v) => shown.push(...v.injects.map((i) => i.title)));
  bo.store.refresh();
  return { ctl, bo, shown };
}

const real = async (p: Participant, lang: string) => (await p.room.request("texts", { lang })) as TextsReply;
const title = (p: Participant, id: string) => p.store.view?.injects.find((i) => i.id === id)?.title;

describe("the client's scenario texts", () => {
  it("a French participant's view shows each new inject in French, never first in English", async () => {
    setLocale("fr");
    const { ctl, bo, shown } = await setUp("client-fr", real);
    await ctl.command({ type: "exercise.start" });
    await bo.until(() => title(bo, "blackout") === fr["injects.blackout.title"], "the blackout in French");
    await ctl.command({ type: "phase.advance" });
    await bo.until(() => title(bo, "lantern-offer") === fr["injects.lantern-offer.title"], "the offer in French");
    expect(shown).not.toContain("Blackout in the Borealis capital");
    expect(shown).not.toContain("The Lantern Foundation offers verification");
  });

  it("a slow answer holds the view back two seconds at most, then the scenario's own texts show", async () => {
    setLocale("fr");
    const { ctl, bo } = await setUp("client-slow", () => new Promise<TextsReply>(() => {}));
    await ctl.command({ type: "exercise.start" });
    const sent = Date.now();
    await bo.until(() => title(bo, "blackout") === "Blackout in the Borealis capital", "the blackout at all", 5000);
    expect(Date.now() - sent).toBeLessThan(4000);
  });

  it("a participant reading the scenario's own language asks once, then never again", async () => {
    setLocale("en");
    let asked = 0;
    const { ctl, bo } = await setUp("client-en", (p, lang) => {
      asked++;
      return real(p, lang);
    });
    await ctl.command({ type: "exercise.start" });
    await ctl.command({ type: "phase.advance" });
    await bo.until(() => title(bo, "lantern-offer") === "The Lantern Foundation offers verification", "the offer");
    expect(asked).toBe(1);
  });
});
