// The report's stylesheet: inline, screen and A4 print. No external fonts or
// images; light backgrounds only, so it prints on every office printer. The
// print footer is worded in the report's language, so each language has its
// own text (and the CSP its own hash: html-csp.ts).
import { CHART_CSS } from "./chart.ts";
import { reportLanguage } from "./language.ts";
import type { Locale } from "../i18n/index.ts";

const FOOTER = "/*@page-footer*/";

const BASE_CSS =
  `
:root{--ink:#1f2933;--muted:#5b6470;--navy:#14365d;--rule:#d5dae1;--soft:#f3f5f8;--green:#1e6b3a;--amber:#9a5b00;--red:#b3261e}
*{box-sizing:border-box}
html{background:#e9ecf0}
body{margin:0;color:var(--ink);font:14px/1.5 "Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif}
.page{max-width:1000px;margin:24px auto;background:#fff;padding:40px 56px 56px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
.marking{text-align:center;font-size:11px;letter-spacing:.18em;text-transform:uppercase;color:var(--muted);` +
  `border-bottom:1px solid var(--rule);padding-bottom:6px;margin-bottom:28px}
.marking.bottom{border-bottom:0;border-top:1px solid var(--rule);padding-top:6px;margin:40px 0 0}
h1{font-size:30px;line-height:1.2;color:var(--navy);margin:6px 0 6px}
h2{font-size:21px;color:var(--navy);border-bottom:2px solid var(--navy);padding-bottom:4px;margin:0 0 14px}
h3{font-size:16px;color:var(--navy);margin:22px 0 8px}
h4{font-size:14px;margin:14px 0 6px}
p{margin:0 0 10px}
a{color:var(--navy)}
.eyebrow{font-size:12px;letter-spacing:.14em;text-transform:uppercase;color:var(--muted);font-weight:600}
.subtitle{font-size:17px;color:var(--muted);margin:0 0 22px}
section.major{margin-top:44px}
.cover .meta{width:100%;margin:18px 0}
.outcome{border:1px solid var(--rule);border-inline-start:6px solid var(--muted);padding:10px 14px;margin:16px 0;background:var(--soft)}
.outcome.agreement{border-inline-start-color:var(--green)}.outcome.failure{border-inline-start-color:var(--red)}` +
  `.outcome.time,.outcome.facilitator{border-inline-start-color:var(--navy)}.outcome.unfinished{border-inline-start-color:var(--amber)}
.outcome .label{font-weight:700;font-size:15px}
.integrity{font-size:12px;color:var(--muted);border:1px dashed var(--rule);padding:8px 12px;margin-top:14px}
.integrity.sealed::before{content:"✓ ";color:var(--green);font-weight:700}
.integrity.intact::before{content:"○ ";font-weight:700}
.integrity.partial{border-color:var(--amber)}
.integrity.migrated::before{content:"! ";color:var(--amber);font-weight:700}
.toc ol{margin:6px 0 0;padding-inline-start:22px;columns:2;column-gap:40px}
.toc li{margin:2px 0}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:14px 0 18px}
.tile{border:1px solid var(--rule);border-top:3px solid var(--navy);padding:8px 10px;break-inside:avoid}
.tile .v{font-size:22px;font-weight:700;color:var(--navy);line-height:1.2}
.tile .k{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
.tile .s{font-size:12px;color:var(--muted)}
.tile.bad{border-top-color:var(--red)}.tile.bad .v{color:var(--red)}
.tile.good{border-top-color:var(--green)}.tile.good .v{color:var(--green)}
.two{display:grid;grid-template-columns:1fr 1fr;gap:20px}
.summary-list{margin:4px 0 0;padding-inline-start:20px}
.summary-list li{margin:3px 0}
table{width:100%;border-collapse:collapse;margin:8px 0 14px;font-size:12.5px}
th,td{border-bottom:1px solid var(--rule);padding:5px 7px;text-align:start;vertical-align:top}
th{background:var(--soft);font-weight:600;color:#2c3540;border-top:1px solid var(--rule)}
td.num,th.num{text-align:end;white-space:nowrap}
td.nowrap{white-space:nowrap}
table.meta th{width:190px;background:transparent;border-top:0;color:var(--muted);font-weight:600}
.finding{border:1px solid var(--rule);border-inline-start:5px solid var(--green);padding:10px 14px;margin:0 0 12px;break-inside:avoid}
.finding.improvement{border-inline-start-color:var(--amber)}
.finding h4{margin:0 0 6px;font-size:14.5px}
.finding .tag{display:inline-block;font-size:10.5px;text-transform:uppercase;letter-spacing:.08em;font-weight:700;margin-inline-end:8px;color:var(--green)}
.finding.improvement .tag{color:var(--amber)}
.finding ul{margin:4px 0 8px;padding-inline-start:18px}
.finding .rec{background:var(--soft);padding:6px 10px;margin:6px 0}
.finding .rule,.small{font-size:11.5px;color:var(--muted)}
.quote{border-inline-start:3px solid var(--rule);padding:2px 10px;margin:6px 0;font-size:12.5px}
.quote .who{color:var(--muted);font-size:11.5px}
.turn-block{margin:0 0 22px}
.turn-block h3{margin-top:6px}
.pill{display:inline-block;border:1px solid var(--rule);border-radius:10px;padding:0 7px;font-size:11px;color:var(--muted);white-space:nowrap}
.pill.ok{border-color:#9cc9ad;color:var(--green)}.pill.bad{border-color:#e2a9a4;color:var(--red)}.pill.warn{border-color:#e3c38e;color:var(--amber)}
.legend{display:flex;gap:18px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin:6px 0 0}
.legend i{display:inline-block;width:10px;height:10px;margin-inline-end:5px;vertical-align:-1px}
.legend .li{background:#c77700;transform:rotate(45deg);width:8px;height:8px}` +
  `.legend .ld{background:#14365d;border-radius:50%}.legend .lh{background:#0f7b6c}` +
  `.legend .lr{border-top:2px dashed #b3261e;height:0;width:16px;vertical-align:3px}
.msg{white-space:pre-wrap;word-break:break-word}
.empty{color:var(--muted);font-style:italic}
.timeline td{font-size:11.5px}
.timeline tr.k-escalation td.text{color:var(--navy)}
.timeline tr.k-inject td.text{font-weight:600}
.ip td{height:34px}
h3.objective{font-size:14px;font-weight:600;color:var(--ink);display:flex;gap:10px;margin:18px 0 6px}
h3.objective .oid{color:var(--navy);font-weight:700;min-width:28px}
.capability{margin-bottom:26px}
[dir="rtl"] .marking,[dir="rtl"] .eyebrow,[dir="rtl"] .finding .tag{letter-spacing:0}
${CHART_CSS}
@page{size:A4;margin:16mm 14mm 18mm 14mm;` +
  `@bottom-center{content:${FOOTER};font-size:8pt;` +
  `color:#5b6470;font-family:"Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif}}
@media print{
  html,body{background:#fff}
  body{font-size:10pt}
  .page{max-width:none;margin:0;padding:0;box-shadow:none}
  section.major{break-before:page;margin-top:0}
  h2,h3,h4{break-after:avoid}
  tr,.tile,.finding,.quote{break-inside:avoid}
  thead{display:table-header-group}
  a{color:inherit;text-decoration:none}
  .chart{break-inside:avoid}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .tiles{grid-template-columns:repeat(4,1fr)}
}
`;

/** A CSS string literal: quotes, backslashes and line ends escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, " ")}"`;
}

/** The footer's content: the catalogue's sentence with the page counters where its translation puts them. */
function footerContent(locale: Locale): string {
  const PAGE = "\u0001";
  const PAGES = "\u0002";
  const text = reportLanguage(locale).tr.t("report.page-footer", { page: PAGE, pages: PAGES });
  return text
    .split(/(\u0001|\u0002)/)
    .filter((part) => part !== "")
    .map((part) => (part === PAGE ? "counter(page)" : part === PAGES ? "counter(pages)" : cssString(part)))
    .join(" ");
}

const made = new Map<Locale, string>();

/** The stylesheet of a report in this language (the exact text between `<style>` and `</style>`). */
export function reportCss(locale: Locale = "en"): string {
  let css = made.get(locale);
  if (css === undefined) {
    css = BASE_CSS.replace(FOOTER, footerContent(locale));
    made.set(locale, css);
  }
  return css;
}
