// A rule violation: thrown inside a command handler, it aborts the command and
// leaves the state untouched; the reason is meant for a person to read.
export type RejectCode =
  "forbidden" | "not-started" | "paused" | "ended" | "closed" | "not-found" | "invalid" | "conflict" | "limit";

/** A refusal's wording in every language: a key of the refusals-engine namespace, with its parameters. */
export interface RejectWords {
  key: string;
  params?: Record<string, string | number>;
}

export class Rejection extends Error {
  readonly code: RejectCode;
  readonly words: RejectWords | undefined;
  constructor(code: RejectCode, message: string, words?: RejectWords) {
    super(message);
    this.code = code;
    this.words = words;
    this.name = "Rejection";
  }

  /** What travels to the client: the English message, and the key and parameters to word it in another language. */
  toError(): { code: RejectCode; message: string; params?: Record<string, string | number> } {
    if (!this.words) return { code: this.code, message: this.message };
    return { code: this.code, message: this.message, params: { ...this.words.params, reason: this.words.key } };
  }
}

/** Throws a rejection; the `never` return lets callers narrow after it. words: its wording for other languages. */
export function reject(code: RejectCode, message: string, words?: RejectWords): never {
  throw new Rejection(code, message, words);
}
