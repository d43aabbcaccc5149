// The one copy of the formatters every reader of the exercise uses: numbers,
// percentages, signed changes, durations and the names of parties.

/** 12 or 12.5: whole numbers bare, others to one decimal. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A share (0..1) as a whole percentage: "45%". */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A change with its sign, a real minus: "+4", "−3". */
export function signed(n: number): string {
  return n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : "0";
}

/** "45 s", "4 min 10 s", "1 h 02 min" */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** Who the names of parties come from: a scenario, or a participant's view of one. */
export interface Cast {
  teams: readonly { id: string; name: string }[];
  mediator?: { name: string } | null | undefined;
}

/**
 * The name of a party (a team id or "mediator") or of an audience ("all",
 * "observers", "facilitator"), for text people read. Unknown ids stay as they are.
 */
export function partyName(cast: Cast, id: string): string {
  if (id === "mediator") return cast.mediator?.name ?? "the mediator";
  if (id === "all") return "everyone";
  if (id === "observers") return "the observers";
  if (id === "facilitator") return "control";
  return cast.teams.find((t) => t.id === id)?.name ?? id;
}

/** Names joined for a sentence: "Alpha, Beta, Gamma". */
export function list(names: readonly string[]): string {
  return names.join(", ");
}

/** A long text cut for a sentence, with an ellipsis. */
export function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}
