// The studio's field words: every field of the scenario schema has its label (and, when described, its help)
// in the English studio-fields catalogue, reading exactly as the forms showed them before (the key made from
// the field's schema key, the .describe() text); a new field without words fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { scenario } from "../../shared/scenario/schema.ts";
import { createTranslator } from "../../shared/i18n/index.ts";
import { LOCALES_DIR, loadCataloguesFromDisk } from "../../scripts/i18n-catalogues.ts";
import { englishFieldCatalogue, englishFieldWords } from "../../client/studio/field-keys.ts";
import type { Node } from "../../client/studio/schema-node.ts";
import { SCHEMA_MESSAGES, schemaMessage } from "../../client/studio/issue-keys.ts";
import { MAX_ATTACHMENTS_PER_INJECT } from "../../shared/scenario/attachments.ts";
import { parseScenario } from "../../shared/scenario/parse.ts";
import { blankScenario } from "../../shared/studio/blank.ts";

loadCataloguesFromDisk();
const onDisk = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES_DIR, lang, "studio-fields.json"), "utf8")) as Record<string, string>;

describe("studio-fields: the forms' words", () => {
  it("the English catalogue is the one the schema gives (npm run studio-fields writes it)", () => {
    expect(onDisk("en")).toEqual(englishFieldCatalogue());
  });

  it("each English message reads exactly as the schema's words, braces and quotes included", () => {
    const en = createTranslator("en");
    const words = englishFieldWords();
    for (const [key, text] of Object.entries(words)) expect(en.t(key), key).toBe(text);
    expect(words["studio-fields.injects.title.label"]).toBe("Title");
    expect(words["studio-fields.injects.chance.help"]).toMatch(/^when due, released with this probability/);
    expect(words["studio-fields.condition.at-least-rung.label"]).toBe("At least rung");
    expect(words["studio-fields.kind.sector-down"]).toBe("sector-down");
    expect(en.t("studio-fields.condition.help")).toContain("{ all: [...] }");
  });

  it("a field added to the schema without words is caught", () => {
    const grown = scenario.extend({ exerciseDirector: z.string().describe("who runs the room") });
    const wanted = englishFieldWords(z.toJSONSchema(grown, { io: "input" }) as Node);
    const missing = Object.keys(wanted).filter((k) => onDisk("en")[k] === undefined);
    expect(missing).toEqual(["studio-fields.exercise-director.label", "studio-fields.exercise-director.help"]);
  });

  it("French, Spanish and Arabic have every key, translated", () => {
    const en = onDisk("en");
    for (const lang of ["fr", "es", "ar"]) {
      const other = onDisk(lang);
      expect(Object.keys(other).sort(), lang).toEqual(Object.keys(en).sort());
      const tr = createTranslator(lang as "fr" | "es" | "ar");
      expect(tr.t("studio-fields.injects.title.label")).not.toBe("Title");
      expect(tr.t("studio-fields.injects.when.help")).not.toBe(en["studio-fields.injects.when.help"]);
    }
    expect(createTranslator("fr").t("studio-fields.injects.body.label")).toBe("Texte");
    expect(createTranslator("ar").t("studio-fields.injects.title.label")).toBe("العنوان");
  });
});

describe("studio-fields: the schema's own messages", () => {
  const files = ["schema.ts", "attachments.ts", "languages.ts"].map((f) =>
    readFileSync(join(LOCALES_DIR, "..", "..", "scenario", f), "utf8"),
  );
  const source = files.join("\n");
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  it("each message of the table is one the schema gives, word for word", () => {
    for (const m of SCHEMA_MESSAGES) {
      let pattern = literal(m.english);
      for (const n of Object.values(m.params ?? {})) pattern = pattern.replace(String(n), "\\$\\{[A-Z_]+\\}");
      expect(source, m.key).toMatch(new RegExp(pattern));
    }
  });

  it("every message the schema words itself is in the table", () => {
    const given = [
      ...source.matchAll(/\.(?:regex|min|max)\((?:\/[^/]+\/|[^,()]+),\s*(["'`])(.+?)\1\)/g),
      ...source.matchAll(/\.refine\([^{]*\{\s*message:\s*(["'`])(.+?)\1/g),
    ].map((m) => m[2]!.replace("${MAX_ATTACHMENTS_PER_INJECT}", String(MAX_ATTACHMENTS_PER_INJECT)));
    expect(given.length).toBeGreaterThan(15);
    expect(given).toContain('a language code of two or three lowercase letters, e.g. "fr"');
    for (const g of given) expect(schemaMessage(g), g).toBeDefined();
  });

  it("a bad id is reported with the table's message, and French words it whole", () => {
    const bad = { ...blankScenario("drill"), id: "Bad Id" };
    const res = parseScenario(bad);
    expect(res.ok).toBe(false);
    const issue = res.ok ? undefined : res.issues.find((i) => i.path === "id");
    const own = schemaMessage(issue!.message);
    expect(own?.key).toBe("studio-fields.issue.id");
    expect(createTranslator("fr").t(own!.key)).toMatch(/^un identifiant en lettres minuscules/);
    expect(createTranslator("ar").t("studio-fields.issue.attachments-max", { max: 6 })).toBe(
      "6 مرفقات على الأكثر لكل مستجد",
    );
  });
});
