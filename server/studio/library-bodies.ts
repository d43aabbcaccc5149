// The studio library's request bodies and query values (zod; strict, so an unknown key is refused by name).
import { z } from "zod";

/** Saved versions one scenario may have, and saved scenarios one server may hold: the disk stays bounded. */
export const LIBRARY_MAX_VERSIONS = 1000;
export const LIBRARY_MAX_SCENARIOS = 500;

export const saveBody = z.strictObject({
  scenario: z.custom<unknown>((v) => v !== undefined, "the scenario to save is missing"),
  note: z.string().trim().max(500, "at most 500 characters").optional(),
});

export const restoreBody = z.strictObject({
  version: z.number().int("a whole number").min(1, "1 or more"),
});

export const importBody = z.strictObject({
  text: z.string().min(1, "the file is empty"),
  name: z.string().max(255, "at most 255 characters").optional(),
});

export const scenarioId = z
  .string()
  .max(100, "id: at most 100 characters")
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'id: lowercase letters, digits and dashes, e.g. "grid-intrusion"');

/** ?version=N: absent, or a whole number from 1. */
export const versionQuery = z
  .string("version: a whole number from 1")
  .regex(/^[1-9][0-9]{0,8}$/, "version: a whole number from 1")
  .transform(Number)
  .optional();

export const formatQuery = z.enum(["json", "yaml"], "format: use json or yaml").default("json");
