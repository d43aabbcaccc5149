// Commands and rules that came with a rules version are refused in an exercise
// created under older rules: it keeps to the rules it began with, so the engine
// that made it still replays it (rules.ts keeps those older rules).
import type { Ctx } from "./context.ts";
import { reject } from "./reject.ts";
import { rulesOf } from "./rules.ts";

/** Whether the exercise runs rules `min` ("3.0") or newer. */
export function rulesAtLeast(engineVersion: string, min: string): boolean {
  const [major, minor] = (rulesOf(engineVersion) ?? "0.0").split(".").map(Number) as [number, number];
  const [wantMajor, wantMinor] = min.split(".").map(Number) as [number, number];
  return major !== wantMajor ? major > wantMajor : minor >= wantMinor;
}

/** Refuses `what` ("review of adjudication") in an exercise whose rules are older than `min`. */
export function requireRulesAtLeast(ctx: Ctx, min: string, what: string): void {
  if (rulesAtLeast(ctx.s.engineVersion, min)) return;
  const running = rulesOf(ctx.s.engineVersion) ?? ctx.s.engineVersion;
  reject("invalid", `This exercise runs rules ${running}, from before ${what}; create a new exercise for that`, {
    key: "refusals-engine.rules.too-old",
    params: { running, what },
  });
}
