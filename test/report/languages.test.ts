import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderReport } from "../../shared/report/index.ts";
import { exported, gridRecording } from "./exercises.ts";
import { Driver, control } from "../helpers/driver.ts";
import { loadScenario, rawScenario } from "../helpers/scenarios.ts";
import { OWN, englishSentences, outsideCatalogues, recordedTexts } from "./catalogue-words.ts";

function report(format: "html" | "md" | "csv", lang: "en" | "fr" | "es" | "ar"): string {
  const r = renderReport(gridRecording(), format, undefined, lang);
  if (!r.ok) throw new Error(r.error);
  return r.body;
}

/** Every catalogue key left in the text, had a message been missing (not the stylesheet's class names). */
const keysIn = (text: string) =>
  text.match(/(?<![.\w-])(?:report|report-findings|report-method|integrity|events)\.[a-z-]+(?:\.[a-z-]+)*/g) ?? [];

describe("the after-action report in the language asked for", () => {
  it("French: the document, its sections, the curve and the events read in French", () => {
    const html = report("html", "fr");
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain("<title>Rapport après action — Dark Winter: an intrusion in the northern grid</title>");
    expect(html).toContain("<h2>1. Synthèse</h2>");
    expect(html).toContain("<h2>Annexe A — Chronologie</h2>");
    expect(html).toContain('<title id="chart-title">L’escalade au fil de l’exercice</title>');
    expect(html).toContain("Tour 1 sur 5\u00a0: ");
    expect(html).toMatch(/Ligne directe Valdoria → Kestria \(/);
    expect(html).toContain('<div class="k">Escalade maximale</div>');
    expect(html).toContain("<h3>L’échelle d’escalade</h3>");
    expect(html).not.toContain("Exercise started:");
    expect(keysIn(html)).toEqual([]);
  });

  it("Arabic: right to left, its sections and the events in Arabic, the curve laid out left to right", () => {
    const html = report("html", "ar");
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("<h2>1. الملخص التنفيذي</h2>");
    expect(html).toContain("بدأ التمرين: ");
    expect(html).toContain("الخط الساخن: من Valdoria إلى Kestria");
    expect(html).toContain('direction="ltr"');
    expect(html).toContain('<div class="k">ذروة التصعيد</div>');
    // the exercise's own (English) title reads in its own direction
    expect(html).toContain('<h1 dir="auto">Dark Winter: an intrusion in the northern grid</h1>');
    expect(keysIn(html)).toEqual([]);
  });

  it("Markdown and CSV tell the events in the language too; Spanish as well", () => {
    expect(report("md", "fr")).toContain("Exercice lancé\u00a0: ");
    expect(report("csv", "ar")).toContain("بدأ التمرين: ");
    expect(report("html", "es")).toContain("<h2>1. Resumen ejecutivo</h2>");
    expect(report("html", "es")).toContain("Ejercicio iniciado: ");
  });

  it("English stays as it was: by default and when asked", () => {
    const asked = report("html", "en");
    const byDefault = renderReport(gridRecording(), "html");
    expect(byDefault.ok && byDefault.body).toBe(asked);
    expect(asked).toContain('<html lang="en" dir="ltr">');
    expect(asked).toContain("<h2>1. Executive summary</h2>");
    expect(asked).toContain("Exercise started: ");
  });
});

describe("npm run report --lang", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "deconflict-report-lang-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["scripts/report.ts", ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });

  it("writes the report in Arabic, and refuses a language it does not ship by name", () => {
    const file = join(dir, "grid.json");
    writeFileSync(file, JSON.stringify(gridRecording()));
    const out = join(dir, "grid-ar.html");
    const ok = run(file, "--lang", "ar", "--out", out);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('<html lang="ar" dir="rtl">');
    const bad = run(file, "--lang=klingon");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('unknown language "klingon": use one of en, fr, es, ar');
  });
});

describe("the report's own sentences in the language asked for", () => {
  it("French: the summary's sentences, the overview's tables and the audiences read in French", () => {
    const html = report("html", "fr");
    expect(html).toContain("» a été joué à partir du 2023-11-14 22:13:21 UTC pendant ");
    expect(html).toMatch(/L’escalade a commencé à 18 \(« [^»]+ »\), a culminé à 79/);
    expect(html).toContain("<th>Rôle</th><th>Poste</th><th>Participants</th>");
    expect(html).toContain("<td>Contrôle (animation)</td><td>Contrôle</td>");
    expect(html).toContain("<td>Équipe d’État</td>");
    expect(html).toContain("<h3>Objectifs de l’exercice</h3>");
    for (const english of [
      "was played from",
      "Escalation started at",
      "State team",
      "Exercise objectives",
      ">everyone<",
    ])
      expect(html).not.toContain(english);
  });

  it("Arabic: the summary and the overview in Arabic, the scenario's own words in their own direction", () => {
    const html = report("html", "ar");
    expect(html).toContain("بدأ التصعيد عند 18");
    expect(html).toContain("<td>فريق دولة</td>");
    expect(html).toContain('<h3>السيناريو</h3><p dir="auto">');
    expect(html).toContain(">الجميع<");
    // control's seat in Arabic; the name its player typed ("Control") stays as typed
    expect(html).toContain('<td>فريق التحكم (الإدارة)</td><td><span dir="auto">فريق التحكم</span></td>');
    for (const english of ["was played from", "On the hotline", "State team", ">everyone<"])
      expect(html).not.toContain(english);
  });

  it("French and Arabic: decisions, transcript, notes, improvement plan and timeline tables in the language", () => {
    const fr = report("html", "fr");
    expect(fr).toMatch(/<h3>Tour 1 — escalade \d+ → \d+ \(« [^»]+ »\)<\/h3>/);
    expect(fr).toContain("<h4>Résultats arbitrés</h4>");
    expect(fr).toContain('<span class="pill ok">réponse dans les délais</span>');
    expect(fr).toContain("<th>Axe d’amélioration</th><th>Mesure corrective</th>");
    expect(fr).toContain("<th>Tour · phase</th>");
    for (const english of [
      "Adjudicated outcomes",
      "answered in time",
      "Corrective action",
      "Every log entry control saw",
    ])
      expect(fr).not.toContain(english);
    const ar = report("html", "ar");
    expect(ar).toContain("<h4>النتائج بعد الفصل</h4>");
    expect(ar).toContain('<span class="pill bad">دون رد (انقضت المهلة)</span>');
    expect(ar).toContain("<th>مجال التحسين</th><th>الإجراء التصحيحي</th>");
    // a message people typed reads in its own direction
    expect(ar).toContain('<div class="msg" dir="auto">');
    for (const english of ["Adjudicated outcomes", "unanswered (lapsed)", "Area for improvement</th>", "Turn · phase"])
      expect(ar).not.toContain(english);
  });

  it("French and Arabic: the findings' frame (capabilities, tags, recommendation, rule) in the language", () => {
    const fr = report("html", "fr");
    expect(fr).toContain("<h3>4.1 Maîtrise de l’escalade et lignes rouges</h3>");
    expect(fr).toContain('<span class="tag">Axe d’amélioration</span>');
    expect(fr).toContain("<strong>Recommandation :</strong>");
    expect(fr).toContain('<p class="rule">Règle : ');
    const ar = report("html", "ar");
    expect(ar).toContain('<span class="tag">مجال للتحسين</span>');
    expect(ar).toContain("<strong>التوصية:</strong>");
    for (const english of ["Escalation management and red lines", ">Recommendation:<", "Related objectives:"]) {
      expect(fr).not.toContain(english);
      expect(ar).not.toContain(english);
    }
  });

  it("French and Arabic: the metrics' headings, table heads and hotline measures in the language", () => {
    const fr = report("html", "fr");
    expect(fr).toContain("<h3>Lignes rouges</h3>");
    expect(fr).toContain("<h4>Plus fortes hausses de l’escalade</h4>");
    expect(fr).toContain("<td>Délai avant le premier contact</td>");
    const ar = report("html", "ar");
    expect(ar).toContain("<h3>الخطوط الحمراء</h3>");
    expect(ar).toContain("<td>الزمن حتى أول اتصال</td>");
    expect(fr).toContain("<th>Véritable auteur</th>");
    expect(ar).toContain("<th>الفاعل الحقيقي</th>");
    const left = [
      "Largest escalation moves",
      "Time to first contact",
      "<h3>Red lines</h3>",
      "Real culprit",
      "notify messages were sent on the hotline",
    ];
    for (const english of left) {
      expect(fr).not.toContain(english);
      expect(ar).not.toContain(english);
    }
  });

  it("English keeps its sentences", () => {
    const html = report("html", "en");
    expect(html).toContain("” was played from 2023-11-14 22:13:21 UTC for ");
    expect(html).toContain("<td>Control (facilitator)</td><td>Control</td>");
    expect(html).toContain(">everyone<");
  });
});

describe("the findings, the method, the integrity note and the tables' cells in the language asked for", () => {
  it("the pseudo-locale: every word of the HTML, Markdown and CSV is from a catalogue or from the recording", () => {
    const rec = gridRecording();
    const texts = recordedTexts(rec);
    for (const format of ["html", "md", "csv"] as const) {
      const r = renderReport(gridRecording(), format, undefined, "qps");
      if (!r.ok) throw new Error(r.error);
      const body = format === "html" ? r.body.slice(r.body.indexOf("<body>")) : r.body;
      expect(outsideCatalogues(body, texts), format).toEqual([]);
    }
  });

  it("French: findings, rules, method, integrity and injects read in French, with no English sentence left", () => {
    const html = report("html", "fr");
    expect(html).toContain('<h4><span class="tag">Point fort</span>Le contact a été établi dès le premier tour</h4>');
    expect(html).toContain("l’auteur était un acteur non étatique.");
    expect(html).toContain('<p class="rule">Règle : Axe d’amélioration pour chaque engagement rompu.</p>');
    expect(html).toMatch(/<td><strong>Règle « misattribution »<\/strong><\/td><td>Axe d’amélioration pour chaque/);
    expect(html).toContain("Chaîne d’empreintes intacte, origine non vérifiée : 54 commandes");
    expect(html).toContain("seul le sceau peut le confirmer.");
    expect(html).toMatch(/<span class="small">[^<]*, diffusé selon le calendrier<\/span>/);
    expect(html).toContain('<span class="pill ok">ligne directe + ordres</span>');
    expect(html).toContain("<th>Terme</th><th>Définition</th>");
    expect(html).toContain('Rapport après action — page " counter(page) " sur " counter(pages)');
    for (const english of [...englishSentences(OWN), "a non-state actor", "released by", "Hash chain intact"])
      expect(html).not.toContain(english);
  });

  it("Arabic: the findings and the method in Arabic, right to left, with no English sentence left", () => {
    const html = report("html", "ar");
    expect(html).toContain('<span class="tag">نقطة قوة</span>أُجري الاتصال في الجولة الأولى</h4>');
    expect(html).toContain("جهة من غير الدول");
    expect(html).toContain("<th>المصطلح</th><th>التعريف</th>");
    expect(html).toContain("سلسلة البصمات سليمة");
    expect(html).toContain('"تقرير ما بعد التمرين — الصفحة " counter(page) " من " counter(pages)');
    // the findings are Arabic now: no list item of theirs is set apart as foreign text
    expect(html).not.toContain('<li dir="auto">');
    for (const english of [...englishSentences(OWN), "a non-state actor", "released by", "Sustain:"])
      expect(html).not.toContain(english);
  });

  it("Markdown and CSV: headings, tables and summary in French and Arabic; English keeps its column ids", () => {
    const md = report("md", "fr");
    expect(md).toContain("# Rapport après action : Dark Winter: an intrusion in the northern grid");
    expect(md).toContain("## 1. Synthèse");
    expect(md).toContain("## Annexe B : Méthode et règles");
    expect(md).toContain("| Élément | Détail |");
    expect(md).toMatch(/#### Axe d’amélioration : \d+ lignes rouges franchies/);
    expect(md).toMatch(/L’escalade a commencé à 18/);
    for (const english of [...englishSentences(OWN), "Executive summary", "Appendix", "Strength:"])
      expect(md).not.toContain(english);
    const ar = report("md", "ar");
    expect(ar).toContain("## 1. الملخص التنفيذي");
    expect(ar).toContain("| البند | التفاصيل |");
    expect(report("csv", "fr").split("\r\n")[0]).toBe("\uFEFFn°,heure,tour,phase,type,destinataires,texte");
    expect(report("csv", "ar").split("\r\n")[0]).toBe("\uFEFFالرقم,الوقت,الجولة,المرحلة,النوع,المطّلعون,النص");
    expect(report("csv", "en").split("\r\n")[0]).toBe("\uFEFFseq,time,turn,phase,kind,audience,text");
  });

  it("the scenario's own texts follow the language where the scenario has them; the figures do not change", () => {
    const d = new Driver(loadScenario("tutorial"), "report-tutorial");
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "phase.advance" });
    const rec = exported(d, rawScenario("tutorial"), "ex-tutorial");
    const render = (lang: "en" | "fr" | "ar") => {
      const r = renderReport(JSON.parse(JSON.stringify(rec)), "html", undefined, lang);
      if (!r.ok) throw new Error(r.error);
      return r.body;
    };
    const tutorial = rawScenario("tutorial") as { summary: string; translations: Record<string, { summary: string }> };
    expect(render("fr")).toContain(tutorial.translations.fr!.summary.replace(/'/g, "&#39;"));
    expect(render("fr")).not.toContain(tutorial.summary.replace(/'/g, "&#39;"));
    expect(render("ar")).toContain(tutorial.translations.ar!.summary.replace(/'/g, "&#39;"));
    expect(render("en")).toContain(tutorial.summary.replace(/'/g, "&#39;"));
    // the same replay: the escalation curve's points are the same in every language
    const points = (html: string) => [...html.matchAll(/<circle[^>]*cy="([\d.]+)"/g)].map((m) => m[1]);
    expect(points(render("fr"))).toEqual(points(render("en")));
  });
});
