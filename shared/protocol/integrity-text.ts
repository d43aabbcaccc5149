// What a recording's integrity check found, in words for the replay viewer,
// the report and the command line. "Sealed by this server" only when the seal
// checked with the server's key; without it the chain is intact but its origin
// (and whether it is final) is only what the file says.

export interface Integrity {
  /** "sealed": chain and seal checked with the server's key; "intact": the chain holds, origin not verified; "migrated": format 1, no chain */
  status: "sealed" | "intact" | "migrated";
  /** whether the exercise had ended when the file was taken; null when the file is too old to say */
  final: boolean | null;
  /** the exercise's turn when the file was taken, when it says */
  turn: number | null;
  /** who vouches for it: "Sealed by this server", "Hash chain intact, origin not verified", … */
  origin: string;
  /** whether it is the final recording, as far as the check can say (null: it cannot) */
  taken: string | null;
  /** origin and taken on one line, for a footer or a terminal */
  summary: string;
  /** the whole statement, for the report */
  text: string;
  head: string;
}

interface Head {
  count: number;
  hash: string;
  final?: boolean;
  turn?: number;
}

const ORIGIN_UNKNOWN = "Hash chain intact, origin not verified";
const SEALED = "Sealed by this server";
const UNMARKED =
  "It was made before recordings were marked final (format 2), so it cannot show whether the exercise had ended when it was taken.";

/** "final recording" or "recording taken while the exercise was still running (turn N)"; null before format 3. */
export function takenWords(head: Head): string | null {
  if (head.final === undefined) return null;
  if (head.final) return "final recording";
  if (!head.turn) return "recording taken before the exercise started";
  return `recording taken while the exercise was still running (turn ${head.turn})`;
}

function counted(head: Head): string {
  return `${head.count} commands, head ${head.hash.slice(0, 16)}…`;
}

function facts(
  head: Head,
  origin: string,
  taken: string | null,
): Pick<Integrity, "final" | "turn" | "head" | "origin" | "taken" | "summary"> {
  return {
    final: head.final ?? null,
    turn: head.turn ?? null,
    head: head.hash,
    origin,
    taken,
    summary: taken ? `${origin} · ${taken}` : origin,
  };
}

/** The seal checked with this server's key: the file is exactly as exported, and its final mark is true. */
export function sealedIntegrity(head: Head): Integrity {
  const taken = takenWords(head);
  const after =
    taken === null
      ? ` ${UNMARKED}`
      : head.final
        ? ""
        : " The exercise had not ended when it was taken: this is not the final recording.";
  return {
    status: "sealed",
    ...facts(head, SEALED, taken ?? "format 2: cannot show whether it is the final recording"),
    text: `${SEALED}: ${taken ? `${head.final ? "the" : "a"} ${taken}, ` : ""}${counted(head)} — the log is exactly as it was exported.${after}`,
  };
}

/** No key: the commands are whole and in order, but anyone could have rebuilt the chain. */
export function intactIntegrity(head: Head): Integrity {
  const taken = takenWords(head);
  const claim =
    taken === null
      ? UNMARKED
      : `The file says it is ${head.final ? "the" : "a"} ${taken}; only the seal can confirm that.`;
  return {
    status: "intact",
    ...facts(head, ORIGIN_UNKNOWN, taken && `the file says: ${taken}`),
    text:
      `${ORIGIN_UNKNOWN}: ${counted(head)} — the commands are whole and in order, ` +
      `but only the server that recorded it can check its seal, which rules out a chain rebuilt after editing. ${claim}`,
  };
}

export function migratedIntegrity(headHash: string): Integrity {
  return {
    status: "migrated",
    final: null,
    turn: null,
    head: headHash,
    origin: "Format 1 recording: its integrity cannot be verified",
    taken: null,
    summary: "Format 1 recording: its integrity cannot be verified",
    text: "Format 1 recording, migrated to format 2: it was made before hash chains, so its integrity cannot be verified.",
  };
}
