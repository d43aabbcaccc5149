// Logs through pino: JSON lines (LOG_FORMAT=json, for a log collector) or the
// plain lines `npm start` always printed (text, the default). Every console
// line of the server goes through it, and Colyseus's own messages too.
import { format } from "node:util";
import pino, { type Logger } from "pino";

export type LogFormat = "text" | "json";

/** The process's logger; `text` prints each message alone (errors and warnings on stderr), as before. */
export function createLog(level: string, as: LogFormat): Logger {
  if (as === "json") return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  const plain = {
    write(line: string) {
      const entry = JSON.parse(line) as { level: number; msg?: string };
      (entry.level >= 40 ? process.stderr : process.stdout).write(`${entry.msg ?? ""}\n`);
    },
  };
  return pino({ level, base: null, timestamp: false }, plain);
}

/** console.log, .info, .warn and .error go to the logger (one message each, formatted as console would). */
export function routeConsole(log: Logger): void {
  console.log = (...args: unknown[]) => log.info(format(...args));
  console.info = (...args: unknown[]) => log.info(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
}
