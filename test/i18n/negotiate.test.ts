// Choosing the best shipped language from a browser's preferences or an Accept-Language header.
import { describe, expect, it } from "vitest";
import { bestLanguage, parseAcceptLanguage } from "../../shared/i18n/index.ts";

describe("best language", () => {
  it("takes the first preference a shipped language serves, by its primary subtag", () => {
    expect(bestLanguage(["fr-CA", "en-US"])).toBe("fr");
    expect(bestLanguage(["de-DE", "es-MX", "fr"])).toBe("es");
    expect(bestLanguage(["AR_EG"])).toBe("ar");
  });

  it("falls back to English when nothing matches", () => {
    expect(bestLanguage(["de", "ja"])).toBe("en");
    expect(bestLanguage([])).toBe("en");
  });

  it("reads an Accept-Language header by weight, dropping q=0 and wildcards", () => {
    expect(parseAcceptLanguage("de;q=0.9, ar-SA, fr;q=0.95, es;q=0, *;q=0.1")).toEqual(["ar-SA", "fr", "de"]);
    expect(bestLanguage(parseAcceptLanguage("de;q=0.9, es;q=0, fr;q=0.5"))).toBe("fr");
    expect(bestLanguage(parseAcceptLanguage(""))).toBe("en");
  });
});
