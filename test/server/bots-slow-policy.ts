// Policies for the bots' thread in tests (loaded there by module URL): the hawk
// thinks too long, the random bot never finishes; the others are the real ones.
import { policyByName as builtIn, type Policy, type PolicyName } from "../../shared/bots/index.ts";

export function policyByName(name: PolicyName): Policy {
  if (name === "hawk")
    return {
      ...builtIn(name),
      act() {
        const end = performance.now() + 400;
        while (performance.now() < end);
        return [];
      },
    };
  if (name === "random")
    return {
      ...builtIn(name),
      act() {
        for (;;);
      },
    };
  return builtIn(name);
}
