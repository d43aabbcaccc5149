// The passive seat: it never acts, the baseline "doing nothing" is measured against.
import type { Policy } from "./policy.ts";

export function passive(): Policy {
  return { name: "passive", params: {}, act: () => [] };
}
