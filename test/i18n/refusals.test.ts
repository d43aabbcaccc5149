// Refusals from a real server, worded by the client in each participant's language from the "refusals" catalogue;
// a code the client does not know keeps the server's English message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../../shared/protocol/http.ts";
import { LANGUAGES, createTranslator } from "../../shared/i18n/index.ts";
import { setLocale } from "../../client/i18n/index.ts";
import {
  COMMAND_REFUSAL_KEYS,
  HTTP_REFUSAL_KEYS,
  commandRefusalText,
  httpRefusalText,
} from "../../client/net/refusals.ts";
import { api, createExercise, Participant, startTestServer, type Created, type TestServer } from "../helpers/server.ts";

let srv: TestServer;
let ex: Created;
let observer: Participant;

beforeAll(async () => {
  srv = await startTestServer({ WRONG_CODES_PER_MINUTE: "1" });
  ex = await createExercise(srv.url, "tutorial", "refusals");
  observer = await Participant.join(srv.url, ex.roomId, ex.codes.observer, "Obs");
});
afterAll(async () => {
  await observer?.leave();
  await srv?.close();
  setLocale("en");
});

/** What client/net/api.ts's call() throws for this answer. */
async function refusedJoin(code: string): Promise<HttpError> {
  const r = await api(srv.url, "POST", "/join", { code });
  expect(r.status).toBeGreaterThanOrEqual(400);
  const e = r.body.error as { code: string; message: string; params?: Record<string, string | number> };
  return new HttpError(r.status, e.code, e.message, e.params);
}

describe("refusals in the participant's language", () => {
  it("every refusal code the client knows has its wording in every shipped language", () => {
    for (const { code } of LANGUAGES) {
      const tr = createTranslator(code);
      for (const key of [...Object.values(HTTP_REFUSAL_KEYS), ...Object.values(COMMAND_REFUSAL_KEYS)])
        expect(tr.has(key), `${code} ${key}`).toBe(true);
    }
  });

  it("a wrong join code, then too many, each worded in French and Arabic with the server's parameters", async () => {
    const wrong = await refusedJoin("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    expect(wrong.code).toBe("unknown-code");
    setLocale("fr");
    expect(httpRefusalText(wrong)).toBe(
      "Aucun exercice de ce serveur n’a ce code d’accès. Vérifiez le code auprès de votre animateur.",
    );
    // the server allows two wrong codes at once here (WRONG_CODES_PER_MINUTE=1): the third is throttled
    await refusedJoin("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZY");
    const tooMany = await refusedJoin("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZX");
    expect(tooMany.code).toBe("too-many-wrong-codes");
    const wait = Number(tooMany.params?.wait);
    expect(wait).toBeGreaterThan(0);
    expect(httpRefusalText(tooMany)).toContain(`attendez ${wait} seconde`);
    setLocale("ar");
    expect(httpRefusalText(tooMany)).toMatch(/^رموز خاطئة كثيرة من هذا العنوان: انتظر /);
  });

  it("a refused command: the engine's role check worded whole in Spanish; in English, the server's sentence", async () => {
    const reason = await observer.refusal({ type: "exercise.start" });
    expect(reason?.code).toBe("forbidden");
    setLocale("es");
    expect(commandRefusalText(reason!)).toBe("Solo la dirección del ejercicio puede hacer esto.");
    setLocale("en");
    expect(commandRefusalText(reason!)).toBe(reason!.message);
  });

  it("a code this client does not know keeps the server's message", () => {
    setLocale("fr");
    expect(httpRefusalText(new HttpError(418, "teapot", "I am a teapot"))).toBe("I am a teapot");
    expect(commandRefusalText({ code: "brand-new", message: "Something new" })).toBe("Something new");
  });
});
