// The two sheets' columns, in order: which field each writes, and how its cell reads.
import { ACTION_CATEGORIES, CHANNELS, action } from "../scenario/schema.ts";
import { choiceCell, idCell, jsonCell, numberCell, teamListCell, textCell, type Cell } from "./msel-cells.ts";
import { parseEffects, printEffects } from "./msel-effects.ts";
import { parseTrigger, printTrigger } from "./msel-trigger.ts";

export type MselSheet = "injects" | "actions";

export interface Column {
  name: string;
  /** the import refuses a file whose header lacks it */
  required: boolean;
  /** the field it stands for: ["body"], or ["at", "turn"] for a field inside another */
  path: string[];
  /** what an absent field means (the schema's default), so leaving a default out is no change */
  fallback?: unknown;
  cell: Cell;
}

/** The column that carries, as JSON, the fields without a column of their own (so nothing is lost). */
export const OTHER_COLUMN = "other";

const effectsCell: Cell = { write: printEffects, read: (cell) => parseEffects(cell) };
const triggerCell: Cell = { write: printTrigger, read: (cell) => parseTrigger(cell) };
const chance = numberCell({ whole: false, min: 0, max: () => 1 });

const col = (name: string, required: boolean, path: string[], cell: Cell, fallback?: unknown): Column => ({
  name,
  required,
  path,
  cell,
  ...(fallback === undefined ? {} : { fallback }),
});

export const INJECT_COLUMNS: Column[] = [
  col("id", true, ["id"], idCell(true)),
  col("turn", true, ["at", "turn"], numberCell({ whole: true, min: 1, max: (ctx) => ctx.turns })),
  col(
    "phase",
    true,
    ["at", "phase"],
    choiceCell("phase", (ctx) => ctx.phases),
  ),
  col(
    "channel",
    true,
    ["channel"],
    choiceCell("channel", () => CHANNELS),
    "news",
  ),
  col("audience", true, ["audience"], teamListCell(true)),
  col("title", true, ["title"], textCell(true)),
  col("text", true, ["body"], textCell(true)),
  col("trigger", true, ["when"], triggerCell),
  col("effects", true, ["effects"], effectsCell, []),
  col("chance", false, ["chance"], chance),
  col("group", false, ["group"], idCell(false)),
  col("incident", false, ["incident"], jsonCell("incident")),
];

const options = (shape: { unwrap(): { options: readonly string[] } }) => shape.unwrap().options;

export const ACTION_COLUMNS: Column[] = [
  col("id", true, ["id"], idCell(true)),
  col("name", true, ["name"], textCell(true)),
  col(
    "category",
    true,
    ["category"],
    choiceCell("category", () => ACTION_CATEGORIES),
  ),
  col("cost", true, ["cost"], numberCell({ whole: true, min: 0, max: () => Infinity }), 1),
  col("description", true, ["description"], textCell(true)),
  col("effects", true, ["effects"], effectsCell, []),
  col("severity", false, ["severity"], numberCell({ whole: true, min: 0, max: () => 5 }), 0),
  col(
    "target",
    false,
    ["target"],
    choiceCell("choice", () => options(action.shape.target)),
    "none",
  ),
  col(
    "visibility",
    false,
    ["visibility"],
    choiceCell("choice", () => options(action.shape.visibility)),
    "public",
  ),
  col("availableTo", false, ["availableTo"], teamListCell(false)),
  col("failChance", false, ["failChance"], chance, 0),
  col("discoverChance", false, ["discoverChance"], chance, 0),
  col(
    "special",
    false,
    ["special"],
    choiceCell("choice", () => options(action.shape.special)),
  ),
  col("perception", false, ["perception"], jsonCell("perception")),
  col("incident", false, ["incident"], jsonCell("incident")),
];

export const COLUMNS: Record<MselSheet, Column[]> = { injects: INJECT_COLUMNS, actions: ACTION_COLUMNS };

/** The header row of a sheet, as exported. */
export function headerOf(sheet: MselSheet): string[] {
  return [...COLUMNS[sheet].map((c) => c.name), OTHER_COLUMN];
}
