// A logger for Colyseus's own messages: one short line per error, and no more
// than a few lines a second, so a client sending garbage cannot fill the disk
// or bury the lines that matter.
const MAX_LINE = 200;
const WINDOW_MS = 10_000;
const MAX_PER_WINDOW = 20;

export class QuietLog {
  private windowStart = 0;
  private count = 0;
  private suppressed = 0;
  private readonly out: (line: string) => void;
  private readonly now: () => number;

  constructor(out: (line: string) => void = (l) => console.error(l), now: () => number = Date.now) {
    this.out = out;
    this.now = now;
  }

  error(...args: unknown[]): void {
    this.write("error", args);
  }

  warn(...args: unknown[]): void {
    this.write("warn", args);
  }

  info(..._args: unknown[]): void {}
  debug(..._args: unknown[]): void {}
  trace(..._args: unknown[]): void {}

  private write(level: string, args: unknown[]): void {
    const t = this.now();
    if (t - this.windowStart >= WINDOW_MS) {
      if (this.suppressed)
        this.out(`colyseus: ${this.suppressed} more messages suppressed in the last ${WINDOW_MS / 1000} s`);
      this.windowStart = t;
      this.count = 0;
      this.suppressed = 0;
    }
    if (++this.count > MAX_PER_WINDOW) {
      this.suppressed++;
      return;
    }
    this.out(`colyseus ${level}: ${oneLine(args)}`);
  }
}

/** The first line of the message, without a stack, cut to a readable length. */
function oneLine(args: unknown[]): string {
  const first = args[0];
  const text = first instanceof Error ? first.message : typeof first === "string" ? first : String(first);
  const line = (text.split("\n")[0] ?? "").replace(/[\u0000-\u001f\u007f]/g, "?");
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line;
}
