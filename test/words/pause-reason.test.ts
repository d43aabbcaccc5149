// The server's own pauses (a restart, an empty room) are told in the reader's language in the event log;
// control's own reason is quoted as control typed it.
import { beforeAll, describe, expect, it } from "vitest";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { languageOf } from "../../shared/words/index.ts";
import { SERVER_PAUSE_REASONS } from "../../shared/protocol/server-pause.ts";

beforeAll(() => {
  loadCataloguesFromDisk();
});

describe("a pause in the event log", () => {
  it("words the server's reasons in French and Arabic, and keeps English and control's words as they are", () => {
    const paused = (lang: "en" | "fr" | "ar", reason: string | null) =>
      languageOf(lang).words["exercise.paused"]({ reason });
    expect(paused("en", SERVER_PAUSE_REASONS.restart)).toBe(`Exercise paused: ${SERVER_PAUSE_REASONS.restart}`);
    const fr = paused("fr", SERVER_PAUSE_REASONS.restart);
    expect(fr).toContain("le serveur a redémarré");
    expect(fr).not.toContain("server restarted");
    const ar = paused("ar", SERVER_PAUSE_REASONS.idle);
    expect(ar).toContain("لم يكن أحد متصلًا");
    expect(ar).not.toContain("nobody");
    expect(paused("fr", "coffee break")).toContain("coffee break");
  });
});
