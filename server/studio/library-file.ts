// A scenario as a file to download: JSON as the built-in files are written, or YAML for hand editing.
import { stringify } from "yaml";

export type FileFormat = "json" | "yaml";

/** The file's text; YAML starts with the line that gives editors (yaml-language-server) the JSON Schema. */
export function scenarioFile(source: unknown, format: FileFormat): string {
  if (format === "json") return JSON.stringify(source, null, 2) + "\n";
  return "# yaml-language-server: $schema=./scenario.schema.json\n" + stringify(source, { lineWidth: 100 });
}

export function mediaType(format: FileFormat): string {
  return format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8";
}
