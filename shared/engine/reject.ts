// A rule violation: thrown inside a command handler, it aborts the command and
// leaves the state untouched; the reason is meant for a person to read.
export type RejectCode =
  "forbidden" | "not-started" | "paused" | "ended" | "closed" | "not-found" | "invalid" | "conflict" | "limit";

export class Rejection extends Error {
  readonly code: RejectCode;
  constructor(code: RejectCode, message: string) {
    super(message);
    this.code = code;
    this.name = "Rejection";
  }
}

/** Throws a rejection; the `never` return lets callers narrow after it. */
export function reject(code: RejectCode, message: string): never {
  throw new Rejection(code, message);
}
