// The pseudo-locale's markers: every translated string is wrapped, so text outside a catalogue stands out.
export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

/** Wraps one translated string in the markers. */
export function pseudo(text: string): string {
  return `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}`;
}

/**
 * The pieces of `text` outside every marked span (trimmed, empty ones dropped):
 * what a page shows that no catalogue gave it.
 */
export function unmarked(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let piece = "";
  for (const ch of text) {
    if (ch === PSEUDO_OPEN) {
      if (depth === 0) out.push(piece);
      piece = "";
      depth++;
    } else if (ch === PSEUDO_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0) piece += ch;
  }
  out.push(piece);
  return out.map((p) => p.trim()).filter((p) => p !== "");
}
