// The JSON Schema of scenario files, for code editors (completion, checking).
import { z } from "zod";
import { scenario } from "./schema.ts";

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenario, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return {
    ...schema,
    $id: "https://deconflict.example/scenario.schema.json",
    title: "Deconflict scenario",
    description: "A cyber-crisis exercise scenario for Deconflict. See docs/scenario-format.md.",
  };
}
