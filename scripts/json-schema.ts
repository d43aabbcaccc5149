// Writes scenarios/scenario.schema.json from the zod schema: npm run schema
// YAML scenario files use it too, through their first line: # yaml-language-server: $schema=./scenario.schema.json
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../shared/scenario/json-schema.ts";

const out = new URL("../scenarios/scenario.schema.json", import.meta.url);
writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.log("wrote scenarios/scenario.schema.json");
