// The simulation lab on the command line:
//   npm run simulate -- <scenario file or id> [--games N] [--profiles a,b] [--ablation a,b|none] [--seed S]
//                       [--out DIR] [--workers N] [--lang en|fr|es|ar]
// Plays N seeded games per profile on every core (worker threads), and N more
// with trust off and N with standing off for each ablation profile, then writes
// <id>.lab.html (the balance report) and <id>.lab.json into DIR (default: the
// current folder) and prints the lesson checks. An id is looked up among the
// files of SCENARIOS_DIR (default ./scenarios). The same seed gives the same
// report whatever the number of workers. Exits 1 with the reason on bad input.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { parseScenarioText } from "../shared/scenario/parse.ts";
import type { Scenario } from "../shared/engine/index.ts";
import { ABLATION_PROFILES, PROFILE_IDS } from "../shared/lab/profiles.ts";
import { armsOf, buildReport, checkJob, defaultAblation, totalGames, type LabJob } from "../shared/lab/run.ts";
import { labHtml } from "../shared/lab/html.ts";
import type { LabReport } from "../shared/lab/types.ts";
import { checkTitle, labTranslator, said } from "../shared/lab/words.ts";
import { measuredText, thresholdText } from "../shared/lab/check-words.ts";
import { LANGUAGES, isLang, type Lang, type Translator } from "../shared/i18n/index.ts";
import { playInWorkers } from "../server/http/lab.ts";

const USAGE =
  "Usage: npm run simulate -- <scenario file or id> [--games N] [--profiles a,b,...] [--ablation a,b,...|none] " +
  `[--seed S] [--out DIR] [--workers N] [--lang en|fr|es|ar]\n  profiles: ${PROFILE_IDS.join(", ")}\n` +
  `  ablation (also played with trust off and with standing off; default: those of ${ABLATION_PROFILES.join(", ")} ` +
  "among the profiles)";

export interface SimulateOptions {
  scenario: string;
  games: number;
  profiles: string[];
  /** the ablation profiles; null: the default for the profiles */
  ablation: string[] | null;
  seed: string;
  out: string;
  workers: number;
  /** the report's language for check titles and headings (English by default) */
  lang: Lang;
}

function fail(message: string): never {
  console.error(`✗ ${message}\n${USAGE}`);
  process.exit(1);
}

/** The options of a command line; throws with the reason on a bad one. */
export function parseArgs(args: string[]): SimulateOptions {
  const o: SimulateOptions = {
    scenario: "",
    games: 1000,
    profiles: [...PROFILE_IDS],
    ablation: null,
    seed: "lab",
    out: ".",
    workers: availableParallelism(),
    lang: "en",
  };
  const list = (v: string) =>
    v
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  const whole = (flag: string, v: string) => {
    if (!/^\d+$/.test(v)) throw new Error(`${flag}: give a whole number (got "${v}")`);
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (v === undefined || v === "") throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === "--games") o.games = whole(flag, value());
    else if (flag === "--workers") o.workers = Math.max(1, whole(flag, value()));
    else if (flag === "--seed") o.seed = value();
    else if (flag === "--out") o.out = value();
    else if (flag === "--lang") {
      const v = value();
      if (!isLang(v)) throw new Error(`--lang: use one of ${LANGUAGES.map((l) => l.code).join(", ")} (got "${v}")`);
      o.lang = v;
    } else if (flag === "--profiles") o.profiles = list(value());
    else if (flag === "--ablation") {
      const v = value();
      o.ablation = v === "none" ? [] : list(v);
    } else if (flag.startsWith("--")) throw new Error(`unknown option ${flag}`);
    else if (o.scenario) throw new Error(`one scenario at a time (got "${o.scenario}" and "${arg}")`);
    else o.scenario = arg;
  }
  if (!o.scenario) throw new Error("name a scenario file or id");
  return o;
}

/** A scenario from a file, or by id from the scenarios folder. */
export function loadScenario(ref: string, dir = process.env.SCENARIOS_DIR ?? "scenarios"): Scenario {
  const read = (file: string) => {
    const r = parseScenarioText(readFileSync(file, "utf8"));
    if (!r.ok) throw new Error(`${file}: ${r.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    return r.scenario;
  };
  if (existsSync(ref) && ref.endsWith(".json")) return read(ref);
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    : [];
  const ids: string[] = [];
  for (const f of files) {
    const r = parseScenarioText(readFileSync(join(dir, f), "utf8"));
    if (!r.ok) continue;
    if (r.scenario.id === ref) return r.scenario;
    ids.push(r.scenario.id);
  }
  throw new Error(`no scenario file "${ref}" and no scenario with that id in ${resolve(dir)} (ids: ${ids.join(", ")})`);
}

/** Plays a job on `workers` threads, printing progress to stderr; resolves with the report and the time taken. */
export async function simulate(
  job: LabJob,
  workers: number,
  quiet = false,
  tr: Translator = labTranslator("en"),
): Promise<{ report: LabReport; ms: number }> {
  checkJob(job);
  const started = performance.now();
  const total = totalGames(job);
  let shown = -1;
  const tty = process.stderr.isTTY;
  const games = await playInWorkers(job, workers, (done) => {
    const pct = Math.floor((100 * done) / total);
    if (quiet || pct === shown || (!tty && pct % 10 !== 0)) return;
    shown = pct;
    const rate = done / ((performance.now() - started) / 1000);
    const english = `  ${done.toLocaleString("en")}/${total.toLocaleString("en")} games (${pct}%), ${rate.toFixed(0)} games/s`;
    const line = said(tr, "lab-report.cli.progress", english, {
      done,
      total,
      share: pct / 100,
      rate: Math.round(rate),
    });
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
  }).games;
  if (tty && !quiet) process.stderr.write("\n");
  return { report: buildReport(job, games), ms: performance.now() - started };
}

const CLI_STATUS = {
  pass: "lab-report.cli.pass",
  fail: "lab-report.cli.fail",
  unmeasured: "lab-report.cli.unmeasured",
} as const;

/** The lesson checks as a text table (PASS, FAIL or UNMEASURED, the title, what was measured, the threshold). */
export function checksTable(r: LabReport, tr: Translator = labTranslator("en")): string {
  const status = (c: LabReport["checks"][number]) => said(tr, CLI_STATUS[c.status], c.status.toUpperCase());
  const width = Math.max(10, ...r.checks.map((c) => status(c).length));
  const pad = "".padEnd(width);
  return r.checks
    .map((c) => {
      const threshold = thresholdText(tr, c);
      const line = said(tr, "lab-report.cli.threshold", `threshold: ${threshold}`, { threshold });
      return `  ${status(c).padEnd(width)} ${checkTitle(tr, c.id, c.title)}\n  ${pad} ${measuredText(tr, c)}\n  ${pad} ${line}`;
    })
    .join("\n");
}

async function main(): Promise<void> {
  let o: SimulateOptions;
  let job: LabJob;
  try {
    o = parseArgs(process.argv.slice(2));
    job = {
      scenario: loadScenario(o.scenario),
      profiles: o.profiles,
      games: o.games,
      seed: o.seed,
      ablation: o.ablation ?? defaultAblation(o.profiles),
    };
    checkJob(job);
  } catch (err) {
    fail((err as Error).message);
  }
  const total = totalGames(job);
  const arms = armsOf(job).length;
  const tr = labTranslator(o.lang);
  const ablated = job.ablation?.length
    ? ` (${o.profiles.length} profiles, ${job.ablation.length} of them also without trust and without standing)`
    : "";
  const english =
    `Simulating ${job.scenario.id}: ${o.games.toLocaleString("en")} games × ${arms} ways of playing${ablated} = ` +
    `${total.toLocaleString("en")} games on ${o.workers} worker${o.workers === 1 ? "" : "s"}, seed "${o.seed}"`;
  console.log(
    said(tr, "lab-report.cli.simulating", english, {
      scenario: job.scenario.id,
      games: o.games,
      arms,
      ablated: job.ablation?.length ? "yes" : "no",
      profiles: o.profiles.length,
      both: job.ablation?.length ?? 0,
      total,
      workers: o.workers,
      seed: o.seed,
    }),
  );
  const { report, ms } = await simulate(job, o.workers, false, tr);
  mkdirSync(o.out, { recursive: true });
  const base = join(o.out, `${job.scenario.id}.lab`);
  writeFileSync(`${base}.html`, labHtml(report, o.lang));
  writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const seconds = ms / 1000;
  const rate = (total * 1000) / ms;
  console.log(
    said(tr, "lab-report.cli.done", `Done in ${seconds.toFixed(1)} s (${rate.toFixed(0)} games/s).`, {
      seconds,
      rate: Math.round(rate),
    }),
  );
  const passed = report.checks.filter((c) => c.status === "pass").length;
  const checks = report.checks.length;
  console.log(said(tr, "lab-report.cli.checks", `Lesson checks (${passed} of ${checks} pass):`, { passed, checks }));
  console.log(checksTable(report, tr));
  const html = `${base}.html`;
  const json = `${base}.json`;
  console.log(said(tr, "lab-report.cli.wrote", `Wrote ${html} and ${json}`, { html, json }));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
