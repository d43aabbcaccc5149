// The pause the server writes (a restart, an empty room) is worded on the board and in the hotline in the
// participant's language; a reason control typed stays as control wrote it.
import { afterAll, describe, expect, it } from "vitest";
import { view, type Viewer } from "../../shared/engine/index.ts";
import { Driver, control } from "../helpers/driver.ts";
import { fixture } from "../helpers/fixture.ts";
import { pauseCause } from "../../client/ui/paused.ts";
import { setLocale } from "../../client/i18n/index.ts";
import { loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { SERVER_PAUSE_REASONS } from "../../shared/protocol/server-pause.ts";

loadCataloguesFromDisk();
afterAll(() => setLocale("en"));

const alpha: Viewer = { role: "team", teamId: "alpha" };
const server = { role: "system", name: "Server" } as const;

function pausedBy(actor: typeof server | typeof control, reason?: string): Driver {
  const d = new Driver(fixture(), "pause-words");
  d.do(control, { type: "exercise.start" });
  d.do(actor, { type: "exercise.pause", ...(reason ? { reason } : {}) });
  return d;
}

function said(d: Driver, lang: "en" | "fr" | "es" | "ar"): string {
  setLocale(lang);
  const text = pauseCause(view(d.state, alpha), true);
  setLocale("en");
  return text;
}

describe("the server's pause reason in the participant's language", () => {
  it("after a restart: English unchanged, French, Spanish and Arabic whole", () => {
    const d = pausedBy(server, SERVER_PAUSE_REASONS.restart);
    expect(said(d, "en")).toBe("Paused: the server restarted; control resumes when everyone is back");
    expect(said(d, "fr")).toBe(
      "En pause\u00a0: le serveur a redémarré\u00a0; l’animation reprendra quand tout le monde sera de retour",
    );
    expect(said(d, "es")).toBe("En pausa: el servidor se reinició; control reanudará cuando todos hayan vuelto");
    expect(said(d, "ar")).toBe("متوقف مؤقتًا: أُعيد تشغيل الخادم؛ وستستأنف إدارة التمرين عند عودة الجميع");
  });

  it("after an empty room: no English left in French or Arabic", () => {
    const d = pausedBy(server, SERVER_PAUSE_REASONS.idle);
    expect(said(d, "en")).toBe("Paused: nobody was connected for a while; control resumes when everyone is back");
    for (const lang of ["fr", "ar"] as const) {
      expect(said(d, lang)).not.toMatch(/nobody|connected|control/);
      expect(said(d, lang).length).toBeGreaterThan(20);
    }
  });

  it("control's own reason is quoted as typed, inside the participant's frame", () => {
    const d = pausedBy(control, "Coffee break");
    expect(said(d, "fr")).toBe("En pause\u00a0: Coffee break");
    expect(said(d, "en")).toBe("Paused: Coffee break");
  });
});
