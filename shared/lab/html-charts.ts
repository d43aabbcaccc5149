// The balance report's inline SVG: an escalation fan chart per profile (the
// ladder's rungs as bands, red lines dashed, the 10–90 and 25–75 percentile
// bands and the median by turn) and small stacked bars for shares.
import { bandColour } from "../report/chart.ts";
import { esc } from "../report/escape.ts";
import type { LabReport, ProfileStats } from "./types.ts";
import type { Translator } from "../i18n/index.ts";
import { labTranslator, said } from "./words.ts";
import { profileWord } from "./check-words.ts";

const W = 420;
const H = 200;
const LEFT = 30;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 24;
const PW = W - LEFT - RIGHT;
const PH = H - TOP - BOTTOM;

/** The fan chart of one profile's escalation by turn. */
export function fanSvg(r: LabReport, p: ProfileStats, tr: Translator = labTranslator("en")): string {
  const name = profileWord(tr, p.id, "label", p.label);
  const n = (v: number) => (tr.locale === "en" ? String(v) : tr.number(v));
  const turns = r.scenario.turns;
  const x = (t: number) => LEFT + (PW * t) / Math.max(1, turns);
  const y = (v: number) => TOP + PH * (1 - v / 100);
  const out: string[] = [
    `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(
      said(tr, "lab-report.fan.label", `Escalation by turn: ${p.label}`, { profile: name }),
    )}" ` + `xmlns="http://www.w3.org/2000/svg">`,
    `<title>${esc(
      said(
        tr,
        "lab-report.fan.title",
        `${p.label}: median escalation at the end of each turn, with the middle 50% and 80% of games`,
        { profile: name },
      ),
    )}</title>`,
  ];
  const rungs = r.scenario.rungs;
  rungs.forEach((g, i) => {
    const top = i + 1 < rungs.length ? rungs[i + 1]!.from : 100;
    out.push(
      `<rect x="${LEFT}" y="${y(top)}" width="${PW}" height="${y(g.from) - y(top)}" fill="${bandColour(i, rungs.length)}">` +
        `<title>${esc(g.name)}</title></rect>`,
    );
  });
  for (let v = 0; v <= 100; v += 25)
    out.push(`<text class="tick" x="${LEFT - 5}" y="${y(v) + 3.5}" text-anchor="end">${n(v)}</text>`);
  for (let t = 0; t <= turns; t++)
    out.push(
      `<text class="tick" x="${x(t)}" y="${H - 8}" text-anchor="middle">${esc(
        t === 0 ? said(tr, "lab-report.fan.start", "start") : said(tr, "lab-report.fan.turn", `T${t}`, { turn: t }),
      )}</text>`,
    );
  for (const l of r.scenario.redLines)
    out.push(
      `<line class="red-line" x1="${LEFT}" x2="${LEFT + PW}" y1="${y(l.from)}" y2="${y(l.from)}">` +
        `<title>${esc(said(tr, "lab-report.fan.red-line-named", `Red line: ${l.name}`, { name: l.name }))}</title></line>`,
    );
  const band = (lo: (i: number) => number, hi: (i: number) => number, cls: string) => {
    const f = p.fan;
    const upper = f.map((pt, i) => `${x(pt.turn)},${y(hi(i))}`);
    const lower = f.map((pt, i) => `${x(pt.turn)},${y(lo(i))}`).reverse();
    out.push(`<polygon class="${cls}" points="${[...upper, ...lower].join(" ")}"/>`);
  };
  band(
    (i) => p.fan[i]!.p10,
    (i) => p.fan[i]!.p90,
    "band90",
  );
  band(
    (i) => p.fan[i]!.p25,
    (i) => p.fan[i]!.p75,
    "band50",
  );
  out.push(`<polyline class="median" points="${p.fan.map((pt) => `${x(pt.turn)},${y(pt.p50)}`).join(" ")}"/>`);
  for (const pt of p.fan)
    out.push(
      `<circle cx="${x(pt.turn)}" cy="${y(pt.p50)}" r="2.5" fill="#14365d"><title>${esc(
        said(
          tr,
          "lab-report.fan.point",
          `${pt.turn === 0 ? "Start" : `End of turn ${pt.turn}`}: median ${pt.p50}, ` +
            `middle half ${pt.p25}–${pt.p75}, 80% ${pt.p10}–${pt.p90}`,
          { turn: pt.turn, p50: n(pt.p50), p25: n(pt.p25), p75: n(pt.p75), p10: n(pt.p10), p90: n(pt.p90) },
        ),
      )}</title></circle>`,
    );
  out.push("</svg>");
  return out.join("");
}

/** A stacked bar of shares (0–1) with colours and labels for the tooltip. */
export function shareBar(
  parts: { share: number; colour: string; label: string }[],
  tr: Translator = labTranslator("en"),
): string {
  const pct = (x: number) =>
    tr.locale === "en"
      ? `${Math.round(x * 1000) / 10}%`
      : tr.number(Math.round(x * 1000) / 1000, { style: "percent", maximumFractionDigits: 1 });
  const w = 160;
  let at = 0;
  const rects = parts.map((p) => {
    const width = Math.max(0, p.share * w);
    const r =
      `<rect x="${at.toFixed(2)}" y="0" width="${width.toFixed(2)}" height="14" fill="${p.colour}">` +
      `<title>${esc(said(tr, "lab-report.bar.part", `${p.label}: ${pct(p.share)}`, { label: p.label, share: pct(p.share) }))}</title></rect>`;
    at += width;
    return r;
  });
  return (
    `<svg class="bar" viewBox="0 0 ${w} 14" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">` +
    `<rect x="0" y="0" width="${w}" height="14" fill="#eef0f3"/>${rects.join("")}</svg>`
  );
}
