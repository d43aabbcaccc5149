// Writes the after-action report of a recording file:
//   npm run report -- recording.json [--format html|md|csv|json] [--out report.html] [--data-dir DIR] [--lang en|fr|es|ar]
// --data-dir: the recording server's DATA_DIR; its integrity.key checks the seal as well as the chain.
// Prints what the check found: "Sealed by this server" only with the key, else "Hash chain intact, origin not verified".
// Default format html, in English; default output next to the input as <name>.report.<ext>.
// --lang: the language the report is written in, in every format (the CSV's columns too; English keeps their ids).
// Exits 1 with the reason on a bad, tampered or truncated file, a file recorded under rules this engine
// does not play ("Recorded under rules 0.9; this Deconflict runs 1.2, …"), or an unknown option.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { REPORT_FORMATS, isReportFormat, renderReport, type ReportFormat } from "../shared/report/index.ts";
import { rulesNote } from "../shared/engine/rules.ts";
import { LANGUAGES, isLang, type Lang } from "../shared/i18n/index.ts";

const USAGE =
  `Usage: npm run report -- <recording.json> [--format ${REPORT_FORMATS.join("|")}] [--out <file>] ` +
  `[--data-dir <server DATA_DIR, to check the seal>] [--lang ${LANGUAGES.map((l) => l.code).join("|")}]`;

interface Options {
  input: string;
  format: ReportFormat;
  out: string | null;
  dataDir: string | null;
  lang: Lang;
}

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

function parseArgs(args: string[]): Options {
  let input: string | null = null;
  let format: string = "html";
  let out: string | null = null;
  let dataDir: string | null = null;
  let lang = "en";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === "") fail(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === "--format" || flag === "-f") format = value();
    else if (flag === "--out" || flag === "-o") out = value();
    else if (flag === "--data-dir") dataDir = value();
    else if (flag === "--lang") lang = value();
    else if (flag.startsWith("-")) fail(`unknown option ${flag}\n${USAGE}`);
    else if (input === null) input = arg;
    else fail(`one recording at a time (got ${input} and ${arg})\n${USAGE}`);
  }
  if (input === null) fail(`no recording file given\n${USAGE}`);
  if (!isReportFormat(format)) fail(`unknown format "${format}": use one of ${REPORT_FORMATS.join(", ")}`);
  if (!isLang(lang)) fail(`unknown language "${lang}": use one of ${LANGUAGES.map((l) => l.code).join(", ")}`);
  return { input, format, out, dataDir, lang };
}

const opts = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(opts.input, "utf8");
} catch (err) {
  fail(`${opts.input}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (err) {
  fail(`${opts.input}: not valid JSON (${(err as Error).message})`);
}
let sealKey: string | undefined;
if (opts.dataDir) {
  const keyFile = join(opts.dataDir, "integrity.key");
  if (!existsSync(keyFile))
    fail(`${opts.dataDir} holds no integrity.key: give the DATA_DIR of the server that made the recording`);
  sealKey = readFileSync(keyFile, "utf8").trim();
}
const r = renderReport(json, opts.format, sealKey, opts.lang);
if (!r.ok) fail(`${opts.input}: ${r.error}`);
const name = basename(opts.input, extname(opts.input));
const out = opts.out ?? join(dirname(opts.input), `${name}.report.${opts.format}`);
try {
  writeFileSync(out, r.body);
} catch (err) {
  fail(`cannot write ${out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
}
console.log(`✓ Wrote the ${opts.format.toUpperCase()} report of ${opts.input} to ${out}`);
// the seal is vouched for only with the server's key; without it, say so rather than "verified"
const i = r.integrity;
console.log(`  ${i.status === "sealed" ? "✓" : "!"} ${i.summary}`);
if (i.status === "intact") console.log("    give --data-dir <the recording server's DATA_DIR> to check its seal");
// older rules kept by this engine: say which rules replayed it
const note = rulesNote(r.rules);
if (note) console.log(`  ! ${note}`);
