// An exercise's row as both storages hold it (SQLite and PostgreSQL): JSON kept
// as text, parsed where damage is judged, in one place for both.
import type { Codes } from "../codes.ts";
import type { ExerciseRow } from "../store.ts";

/** An exercise row as the database holds it. */
export interface ExerciseText {
  id: string;
  title: string;
  scenario_id: string;
  scenario_json: string;
  seed: string;
  created_at: number;
  codes_json: string;
  engine_version: string;
  group_id: string | null;
  status: string;
}

/** The row with its JSON parsed; throws on broken JSON (the caller quarantines the exercise). */
export function exerciseFromText(r: ExerciseText): ExerciseRow {
  return {
    id: r.id,
    title: r.title,
    scenarioId: r.scenario_id,
    scenario: JSON.parse(r.scenario_json),
    seed: r.seed,
    createdAt: r.created_at,
    codes: JSON.parse(r.codes_json) as Codes,
    engineVersion: r.engine_version,
    groupId: r.group_id,
    status: r.status,
  };
}
