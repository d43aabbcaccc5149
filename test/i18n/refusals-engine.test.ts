// Engine refusals from a real server, worded whole in the participant's language: the engine sends the key
// of its sentence (params.reason, in the refusals-engine namespace) and the parameters it names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LANGUAGES, catalogues, createTranslator } from "../../shared/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { setLocale } from "../../client/i18n/index.ts";
import { commandRefusalText, type RefusalLike } from "../../client/net/refusals.ts";
import { createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let ex: Created;
let team: Participant;

beforeAll(async () => {
  srv = await startTestServer();
  ex = await createExercise(srv.url, "tutorial", "refusals-engine");
  team = await Participant.join(srv.url, ex.roomId, ex.codes.teams.borealis!, "Ann");
});
afterAll(async () => {
  await team?.leave();
  await srv?.close();
  setLocale("en");
});

describe("engine refusals in the participant's language", () => {
  it("orders before the start: the whole refusal in French and in Arabic, the engine's sentence in English", async () => {
    const reason = await team.refusal({ type: "orders.submit", actions: [] });
    expect(reason).toMatchObject({ code: "not-started", params: { reason: "refusals-engine.not-started" } });
    setLocale("fr");
    expect(commandRefusalText(reason!)).toBe("L’exercice n’a pas encore commencé.");
    setLocale("ar");
    expect(commandRefusalText(reason!)).toBe("لم يبدأ التمرين بعد.");
    setLocale("en");
    expect(commandRefusalText(reason!)).toBe("The exercise has not started yet");
  });

  it("a refusal with parameters: the hotline closed during the briefing, in French and in Arabic", async () => {
    const control = await Participant.join(srv.url, ex.roomId, ex.codes.facilitator, "Control");
    await control.command({ type: "exercise.start" });
    const reason = await team.refusal({ type: "hotline.send", to: "austral", text: "hi" });
    await control.leave();
    expect(reason).toMatchObject({
      code: "closed",
      params: { reason: "refusals-engine.hotline-closed", opens: "yes" },
    });
    const params = (reason as unknown as { params: Record<string, string> }).params;
    setLocale("fr");
    expect(commandRefusalText(reason!)).toBe(
      `La ligne directe est fermée pendant la phase ${params.phase}\u00a0; elle est ouverte pendant\u00a0: ${params.open}.`,
    );
    setLocale("ar");
    expect(commandRefusalText(reason!)).toBe(`الخط الساخن مغلق خلال مرحلة ${params.phase}؛ ويُفتح في: ${params.open}.`);
    setLocale("en");
    expect(commandRefusalText(reason!)).toBe(reason!.message);
  });

  it("every engine refusal key has its wording in every shipped language, with the parameters English names", () => {
    loadCataloguesFromDisk();
    const en = createTranslator("en");
    const params = { phase: "P", open: "Q", opens: "yes", decision: "D", now: "N", cost: 3, team: "T", points: 2 };
    for (const { code } of LANGUAGES) {
      const tr = createTranslator(code);
      expect(tr.tryT("refusals-engine.orders.cost", params), code).toBeDefined();
      expect(tr.tryT("refusals-engine.hotline-closed", params), code).toBeDefined();
    }
    expect(en.t("refusals-engine.orders.cost", params)).toBe("These orders cost 3 action points; T has 2 per turn.");
  });

  it("control's rarer refusals (roles, flow, review, injects) travel as keys, worded whole in French and Arabic", async () => {
    const other = await createExercise(srv.url, "tutorial", "refusals-engine-control");
    const control = await Participant.join(srv.url, other.roomId, other.codes.facilitator, "Control");
    const ann = await Participant.join(srv.url, other.roomId, other.codes.teams.borealis!, "Ann");
    const byTeam = await ann.refusal({ type: "exercise.start" });
    await control.command({ type: "exercise.start" });
    const resume = await control.refusal({ type: "exercise.resume" });
    const approve = await control.refusal({ type: "adjudication.approve", strike: [], set: [] });
    const inject = await control.refusal({ type: "inject.release", injectId: "no-such-inject" });
    await ann.leave();
    await control.leave();
    const refusals = [byTeam, resume, approve, inject].map((r) => r as RefusalLike);
    expect(refusals.map((r) => r.params?.reason)).toEqual([
      "refusals-engine.role",
      "refusals-engine.flow.resume",
      "refusals-engine.review.nothing",
      "refusals-engine.inject.none",
    ]);
    // English from the catalogue is the engine's own sentence
    const en = createTranslator("en");
    for (const r of refusals) expect(en.t(String(r.params!.reason), r.params)).toBe(`${r.message}.`);
    setLocale("fr");
    expect(refusals.map(commandRefusalText)).toEqual([
      "Seul l’animateur peut faire cela.",
      "Reprise impossible\u00a0: l’exercice est en cours.",
      "Aucun arbitrage n’attend d’examen.",
      "L’inject «\u00a0no-such-inject\u00a0» n’existe pas.",
    ]);
    setLocale("ar");
    expect(refusals.map(commandRefusalText)).toEqual([
      "لا يحق ذلك إلا لإدارة التمرين.",
      "يتعذر الاستئناف: التمرين جارٍ.",
      "لا يوجد تحكيم بانتظار المراجعة.",
      "لا يوجد مستجد «no-such-inject».",
    ]);
    setLocale("en");
  });

  it("every refusals-engine message formats in every language without a placeholder left over", () => {
    loadCataloguesFromDisk();
    const keys = Object.keys(catalogues().en?.["refusals-engine"] ?? {});
    expect(keys.length).toBeGreaterThan(80);
    const params = {
      ...{ phase: "P", open: "Q", opens: "yes", decision: "D", now: "N", cost: 3, team: "T", points: 2, n: 1 },
      ...{ action: "A", state: "S", party: "P", from: "F", to: "G", limit: 2, cbm: "C", status: "held", when: "W" },
      ...{ target: "T2", ends: "yes", hasCbm: "yes", proposal: "p1", who: "teamOrMediator", path: "x.y", id: "i" },
      ...{ states: "a, b", sector: "energy", incident: "inc", title: "Ti", level: 5, up: "yes", seat: "s" },
      ...{ mediator: "yes", policy: "hawk", policies: "mediator", on: "yes", turn: 2, message: "m1", inject: "j" },
      ...{ review: "yes", items: 3, item: 2, name: "Na", running: "2.0", what: "W2", objective: "o", objectives: "o1" },
    };
    for (const { code } of LANGUAGES) {
      const tr = createTranslator(code);
      for (const key of keys) expect(tr.tryT(key, params) ?? key, `${code} ${key}`).not.toMatch(/[{}]|refusals-engine/);
    }
  });

  it("a refusal without a key (the ad-hoc inject form's field checks) keeps its broad reason with the English detail", () => {
    setLocale("es");
    const text = commandRefusalText({ code: "invalid", message: "title: Too small" });
    setLocale("en");
    expect(text).toMatch(/\(title: Too small\)$/);
    expect(text).not.toBe("title: Too small");
  });
});
