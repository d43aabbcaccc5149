// The studio's validation as the designer types, in the designer's language: zod's own messages from zod's
// locale for that language (passed to this one parse, so the server and every other parse stay English), the
// schema's own messages and the keyed cross-checks from studio-fields; the other cross-checks stay English.
import { z } from "zod";
import { ar, es, fr } from "zod/locales";
import { scenario, SCENARIO_FORMAT_VERSION } from "../../shared/scenario/schema.ts";
import { parseScenario, zodIssues, type ParseResult } from "../../shared/scenario/parse.ts";
import { crossCheck, type ScenarioIssue } from "../../shared/scenario/cross-check.ts";
import { checkLanguages } from "../../shared/scenario/check-languages.ts";
import { i18n } from "../i18n/index.ts";
import { GOT_KEY, schemaMessage } from "./issue-keys.ts";

const ZOD_LOCALES = { fr, es, ar } as const;

/** The draft validated as parseScenario does, its messages in the designer's language. */
export function validateDraft(draft: Record<string, unknown>): ParseResult {
  const tr = i18n();
  // English reads exactly as the shared parse words it; the pseudo-locale marks the schema's own messages
  const otherFormat = "formatVersion" in draft && draft.formatVersion !== SCENARIO_FORMAT_VERSION;
  if (tr.locale === "en" || otherFormat) return parseScenario(draft);
  const locale = tr.lang === "en" ? undefined : ZOD_LOCALES[tr.lang];
  const parsed = scenario.safeParse(draft, { reportInput: true, error: locale?.().localeError });
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.error) };
  const issues = [...crossCheck(parsed.data), ...checkLanguages(parsed.data)].map(keyed);
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

/** The issues of a value the server refused, in the designer's language (the server's own when they differ). */
export function issuesInLanguage(value: unknown, server: readonly ScenarioIssue[]): ScenarioIssue[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const res = validateDraft(value as Record<string, unknown>);
    if (!res.ok) return res.issues;
  }
  return server.map(keyed);
}

/** A cross-check's issue that carries its key, worded from it; the others keep their English. */
function keyed(issue: ScenarioIssue): ScenarioIssue {
  const text = issue.key ? i18n().tryT(issue.key, issue.params) : undefined;
  return text ? { ...issue, message: text } : issue;
}

function worded(message: string): string {
  const own = schemaMessage(message);
  return (own && i18n().tryT(own.key, own.params)) ?? message;
}

/** zod's issues as path and message, union branches flattened as the shared parse does, in the designer's words. */
function issuesOf(error: z.ZodError): ScenarioIssue[] {
  return zodIssues(error, {
    message: worded,
    got: (message, value) => i18n().tryT(GOT_KEY, { message, value }) ?? `${message}, got ${value}`,
  });
}
