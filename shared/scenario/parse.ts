// Turns untrusted JSON into a Scenario, or a list of issues that each name the
// path to the bad field and what was expected there.
import { z } from "zod";
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

/** Parses scenario text (JSON), reporting a syntax error as an issue too. */
export function parseScenarioText(source: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    return { ok: false, issues: [{ path: "(file)", message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseScenario(json);
}

/** Flattens zod's issues (including union branches) into path + message pairs. */
export function zodIssues(error: z.ZodError): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "invalid_union" && issue.errors.length) {
      // report the branch that got furthest; every branch failing is rarely useful
      const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
      const nested = best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
      out.push(...zodIssues(new z.ZodError(nested)));
      continue;
    }
    // name the offending value: for a discriminated union zod reports the whole object
    let got = issue.input;
    if (issue.code === "invalid_union" && "discriminator" in issue && typeof got === "object" && got !== null)
      got = (got as Record<string, unknown>)[String(issue.discriminator)];
    const shown =
      (issue.code === "invalid_value" || issue.code === "invalid_union") &&
      ["string", "number", "boolean"].includes(typeof got);
    out.push({
      path: formatPath(issue.path),
      message: shown ? `${issue.message}, got ${JSON.stringify(got)}` : issue.message,
    });
  }
  return out;
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}
