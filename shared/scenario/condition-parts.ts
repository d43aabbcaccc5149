// The simple conditions a condition is made of, at whichever depth of all /
// some / not, each with its path: for the validator and for words.
import type { Condition, SimpleCondition } from "./schema.ts";

export interface ConditionPart {
  condition: SimpleCondition;
  /** path inside the condition, e.g. ["all", 1, "not"] */
  path: (string | number)[];
}

/** Every simple condition inside `c`, in order, with its path. */
export function conditionParts(c: Condition, path: (string | number)[] = []): ConditionPart[] {
  if ("all" in c) return c.all.flatMap((x, i) => conditionParts(x, [...path, "all", i]));
  if ("some" in c) return c.some.flatMap((x, i) => conditionParts(x, [...path, "some", i]));
  if ("not" in c) return conditionParts(c.not, [...path, "not"]);
  return [{ condition: c, path }];
}

/** Whether a condition reads whether an accusation was right (a secret of control's), at some depth. */
export function readsCorrectness(c: Condition): boolean {
  return conditionParts(c).some((p) => p.condition.type === "attribution" && p.condition.correct !== undefined);
}
