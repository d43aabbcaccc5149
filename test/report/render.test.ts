// The report's exports: one self-contained HTML document that escapes what
// participants typed, Markdown, a CSV timeline that spreadsheets cannot run,
// the verified recording as JSON — and a tampered file refused by name.
import { describe, expect, it } from "vitest";
import { renderReport } from "../../shared/report/index.ts";
import { csvCell } from "../../shared/report/escape.ts";
import { fixtureExercise, fixtureRecording, gridRecording, exported, SCRIPT } from "./exercises.ts";
import { rawScenario } from "../helpers/scenarios.ts";
import { Driver, control, team } from "../helpers/driver.ts";
import { fixture, fixtureInput } from "../helpers/fixture.ts";
import type { Recording } from "../../shared/protocol/recording.ts";

// played under rules 2.2, the rules this story was written for: rules 3.0 retune the crisis model (issue 12)
const PLAYED_UNDER = "2.2.0";

function body(rec: unknown, format: "html" | "md" | "csv" | "json"): string {
  const r = renderReport(rec, format);
  if (!r.ok) throw new Error(r.error);
  return r.body;
}

/** RFC 4180 reader, to check what a spreadsheet would get. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += c;
  }
  return rows;
}

describe("HTML report", () => {
  const rec = fixtureRecording();
  const r = renderReport(rec, "html");

  it("is one self-contained document with its content types and file name", () => {
    expect(r).toMatchObject({
      ok: true,
      contentType: "text/html; charset=utf-8",
      filename: "fixture-ex-report-after-action-report.html",
    });
    if (!r.ok) return;
    expect(r.body.startsWith("<!doctype html>")).toBe(true);
    expect(r.body).toContain('<svg class="chart"');
    // nothing external, nothing executable
    expect(r.body).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href="(?:https?:)?\/\//i);
    expect(r.body).toContain("@media print");
    expect(r.body).toContain("@page{size:A4");
  });

  it("escapes the <script> a participant typed, and a note's markup", () => {
    if (!r.ok) return;
    expect(r.body).not.toContain(SCRIPT);
    expect(r.body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Was the grid hack yours?");
    expect(r.body).toContain("Alpha asked Beta before acting &lt;b&gt;promptly&lt;/b&gt;.");
  });

  it("escapes a hostile exercise title everywhere, including the chart and the <title>", () => {
    const d = new Driver(fixture(), "title", PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    const html = body(exported(d, fixtureInput(), "x", '<img src=x onerror="alert(1)">'), "html");
    expect(html).not.toContain("<img");
    expect(html).toContain("<title>After-action report — &lt;img src=x onerror=&quot;alert(1)&quot;&gt;</title>");
  });

  it("carries the report's content: outcome, metrics, transcript, notes, findings, plan, chart markers", () => {
    if (!r.ok) return;
    const html = r.body;
    expect(html).toContain("Outcome: Time — all turns played");
    expect(html).toContain("Hash chain intact, origin not verified");
    for (const text of [
      "Escalation ended below the first red line",
      "1 public misattribution",
      "Turn 1: Beta blamed Alpha for “Grid hack” on 40% evidence pointing at Alpha; it was Gamma.",
      "“No target”: Alpha in turn 1 — attacked protected water infrastructure.",
      "Hotline messages were left unanswered",
      "answered in time",
      "unanswered (lapsed)",
      "Talk before acting",
      "Improvement plan",
      "Appendix B — Method and rules",
      "Red line: Open crisis",
    ])
      expect(html).toContain(text);
    // markers link to their command in the timeline
    expect(html).toMatch(/<a href="#seq-15" data-seq="15" data-kind="decision">/);
    expect(html).toContain('<tr id="seq-15"');
  });
});

describe("Markdown report", () => {
  it("escapes markup and table pipes, and carries the same findings", () => {
    const md = body(fixtureRecording(), "md");
    expect(md).not.toContain("<script>");
    expect(md).toContain('\\<script\\>alert("x")\\</script\\> Was the grid hack yours?');
    expect(md).toMatch(/^# After-action report: Fixture/);
    expect(md).toContain("#### Area for improvement: 1 public misattribution");
    expect(md).toContain("### 4.2 Crisis communication (hotline)");
    expect(md).toContain("| Open crisis | 40 | 1 | 1 | 0 | turn 2 |");
  });
});

describe("CSV timeline", () => {
  it("has one quoted row per log entry, in RFC 4180 form", () => {
    const rec = fixtureRecording();
    const text = body(rec, "csv");
    expect(text.startsWith("\uFEFFseq,time,turn,phase,kind,audience,text\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(["seq", "time", "turn", "phase", "kind", "audience", "text"]);
    expect(rows[1]).toEqual([
      "1",
      "2023-11-14T22:13:21.000Z",
      "1",
      "Briefing",
      "flow",
      "everyone",
      "Exercise started: Fixture",
    ]);
    expect(rows).toContainEqual([
      "3",
      "2023-11-14T22:13:23.000Z",
      "1",
      "Deliberation",
      "hotline",
      "Alpha, Beta",
      "Hotline Alpha → Beta (confirm)",
    ]);
    expect(rows.slice(1).every((r) => r.length === 7)).toBe(true);
  });

  it("neutralises cells a spreadsheet would run as formulas, and quotes quotes, commas and line breaks", () => {
    const rename = (s: ReturnType<typeof fixtureInput>) => {
      s.teams[0]!.name = '=HYPERLINK("http://evil.example","click")';
      s.teams[1]!.name = "+Beta";
      s.teams[2]!.name = "@Gamma";
    };
    const d = new Driver(fixture(rename), "formula", PLAYED_UNDER);
    d.do(control, { type: "exercise.start" });
    d.do(control, { type: "escalation.adjust", delta: 5, reason: 'a "quoted" word, a comma\nand a new line' });
    d.advanceTo("decision");
    d.do(team("alpha"), { type: "orders.submit", actions: [{ actionId: "harden" }] });
    d.do(team("beta"), { type: "orders.submit", actions: [{ actionId: "calm-public" }] });
    d.do(team("gamma"), { type: "orders.submit", actions: [{ actionId: "gamma-only" }] });
    d.advanceTo("summary");
    const raw = fixtureInput();
    rename(raw);
    const text = body(exported(d, raw), "csv");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""): Harden"`);
    const rows = parseCsv(text.slice(1));
    const cells = rows.flat();
    expect(cells).toContain("'+Beta: Calm the public");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    expect(cells).toContain("'@Gamma");
    expect(cells).toContain('Escalation +5 → 25: control adjustment — a "quoted" word, a comma\nand a new line');
  });

  it("csvCell: formulas, quoting, numbers and empty cells", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell("plain")).toBe("plain");
  });
});

describe("renderReport: verification first", () => {
  it("json is the verified recording itself", () => {
    const rec = gridRecording();
    const r = renderReport(rec, "json");
    expect(r).toMatchObject({
      ok: true,
      contentType: "application/json; charset=utf-8",
      filename: "dark-winter-an-intrusion-in-the-northern-grid-ex-dark-winter-recording.json",
    });
    if (r.ok) expect(JSON.parse(r.body)).toEqual(rec);
  });

  it("refuses a tampered, a truncated and a foreign file with loadRecording's reason, in every format", () => {
    const tampered = structuredClone(fixtureRecording()) as Recording;
    const msg = tampered.commands.find((c) => c.command.type === "hotline.send")!;
    if (msg.command.type === "hotline.send") msg.command.text = "Yes, it was us.";
    for (const f of ["html", "md", "csv", "json"] as const)
      expect(renderReport(tampered, f)).toEqual({
        ok: false,
        error: `Command ${msg.seq} was altered: its hash does not match the chain`,
      });
    const cut = structuredClone(fixtureRecording()) as Recording;
    cut.commands.pop();
    expect(renderReport(cut, "html")).toEqual({
      ok: false,
      error: `The recording is truncated: it holds ${cut.commands.length} commands, its head says ${cut.head.count}`,
    });
    expect(renderReport({ hello: "world" }, "md")).toMatchObject({
      ok: false,
      error: expect.stringContaining("This is not a Deconflict recording"),
    });
    expect(renderReport(fixtureRecording(), "pdf" as "html")).toMatchObject({
      ok: false,
      error: expect.stringContaining("Unknown report format"),
    });
  });

  it("refuses, by reason, an intact recording that this engine cannot replay or whose scenario is invalid", () => {
    const d = fixtureExercise();
    const otherScenario = exported(d, rawScenario("tutorial"));
    expect(renderReport(otherScenario, "html")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Replay failed at command \d+: /),
    });
    expect(renderReport(otherScenario, "json")).toMatchObject({ ok: true });
    const invalid = exported(d, { ...fixtureInput(), turns: 0 });
    expect(renderReport(invalid, "md")).toMatchObject({
      ok: false,
      error: expect.stringContaining("The recording's scenario is not valid: turns"),
    });
  });
});
