// Writes scenarios/scenario.schema.json from the zod schema: npm run schema
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../shared/scenario/json-schema.ts";

const out = new URL("../scenarios/scenario.schema.json", import.meta.url);
writeFileSync(out, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.log("wrote scenarios/scenario.schema.json");
