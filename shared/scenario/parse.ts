// Turns untrusted JSON or YAML into a Scenario, or a list of issues that each name the
// path to the bad field and what was expected there.
import { z } from "zod";
import { LineCounter, parseDocument } from "yaml";
import { scenario, SCENARIO_FORMAT_VERSION, type Scenario } from "./schema.ts";
import { crossCheck, formatPath, type ScenarioIssue } from "./cross-check.ts";
import { checkLanguages } from "./check-languages.ts";

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** Validates a parsed JSON value as a scenario: shape first, then cross-references. */
export function parseScenario(input: unknown): ParseResult {
  if (typeof input === "object" && input !== null && "formatVersion" in input) {
    const v = (input as { formatVersion: unknown }).formatVersion;
    if (v !== SCENARIO_FORMAT_VERSION)
      return {
        ok: false,
        issues: [
          {
            path: "formatVersion",
            message: `this version of Deconflict reads scenario format ${SCENARIO_FORMAT_VERSION}, the file says ${JSON.stringify(v)}`,
          },
        ],
      };
  }
  const parsed = scenario.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const issues = [...crossCheck(parsed.data), ...checkLanguages(parsed.data)];
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

/** Parses scenario text, JSON or YAML, reporting a syntax error (with its line and column for YAML) as an issue too. */
export function parseScenarioText(source: string, as?: "json" | "yaml"): ParseResult {
  const read = readScenarioText(source, as);
  return read.ok ? parseScenario(read.value) : { ok: false, issues: [read.issue] };
}

export type TextRead = { ok: true; value: unknown } | { ok: false; issue: ScenarioIssue };

/** Text as a value: JSON when named so or when it opens with a brace, else YAML (1.2 core schema, unique keys, few aliases). */
export function readScenarioText(source: string, as?: "json" | "yaml"): TextRead {
  if (as === "json" || (as === undefined && source.trimStart().startsWith("{"))) {
    try {
      return { ok: true, value: JSON.parse(source) };
    } catch (err) {
      return { ok: false, issue: { path: "(file)", message: `not valid JSON: ${(err as Error).message}` } };
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    const where = ` at line ${at.line}, column ${at.col}`;
    return { ok: false, issue: { path: "(file)", message: `not valid YAML${where}: ${error.message}` } };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    return { ok: false, issue: { path: "(file)", message: `not valid YAML: ${(err as Error).message}` } };
  }
}

/** How an issue's message is worded: English as zod gives it, or the studio's own language. */
export interface IssueWording {
  message(zodMessage: string): string;
  /** the message and the offending value it names */
  got(message: string, value: string): string;
}

const ENGLISH: IssueWording = { message: (m) => m, got: (message, value) => `${message}, got ${value}` };

/** Flattens zod's issues (including union branches) into path + message pairs. */
export function zodIssues(error: z.ZodError, wording: IssueWording = ENGLISH): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "invalid_union" && issue.errors.length) {
      // report the branch that got furthest; every branch failing is rarely useful
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      const nested = best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
      out.push(...zodIssues(new z.ZodError(nested), wording));
      continue;
    }
    // name the offending value: for a discriminated union zod reports the whole object
    let got = issue.input;
    if (issue.code === "invalid_union" && "discriminator" in issue && typeof got === "object" && got !== null)
      got = (got as Record<string, unknown>)[String(issue.discriminator)];
    const shown =
      (issue.code === "invalid_value" || issue.code === "invalid_union") &&
      ["string", "number", "boolean"].includes(typeof got);
    const message = wording.message(issue.message);
    out.push({ path: formatPath(issue.path), message: shown ? wording.got(message, JSON.stringify(got)) : message });
  }
  return out;
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}
