// How bots and the autopilot are paced on this server: read once from the
// environment (BOT_DELAY_SECONDS, SELF_PACED_MIN_PHASE_SECONDS), short in tests.

export interface BotSettings {
  /** a bot waits between these many ms before each command it sends: a person's pace, not a machine's */
  minDelayMs: number;
  maxDelayMs: number;
  /** how many times a bot is asked for commands in one phase (at the start, then when something new reaches it) */
  asksPerPhase: number;
  /** a policy call longer than this (ms) takes the bot out of its seat: it cannot hold up the server */
  budgetMs: number;
  /** the shortest phase a self-paced exercise may ask for (seconds) */
  minPhaseSeconds: number;
}

export const DEFAULT_BOT_SETTINGS: BotSettings = {
  minDelayMs: 4000,
  maxDelayMs: 12000,
  asksPerPhase: 6,
  budgetMs: 250,
  minPhaseSeconds: 30,
};

/**
 * Reads "4-12" (seconds, a range) or "5" (exactly) for BOT_DELAY_SECONDS; throws a readable error otherwise.
 * At least 0.05 s, so even a test's bots never answer within the same tick as the command they answer.
 */
export function parseDelay(text: string): { minDelayMs: number; maxDelayMs: number } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(text);
  const lo = m ? Number(m[1]) : NaN;
  const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
  if (!m || !(lo >= 0.05) || !(hi >= lo) || hi > 3600)
    throw new Error(
      `BOT_DELAY_SECONDS: give seconds as "4-12" or "5" (from 0.05 to 3600, low before high), not "${text}"`,
    );
  return { minDelayMs: Math.round(lo * 1000), maxDelayMs: Math.round(hi * 1000) };
}

/** The settings from the environment's values (already checked for type by the server's configuration). */
export function botSettingsFrom(env: {
  delay?: string | undefined;
  minPhaseSeconds?: number | undefined;
}): BotSettings {
  return {
    ...DEFAULT_BOT_SETTINGS,
    ...(env.delay ? parseDelay(env.delay) : {}),
    ...(env.minPhaseSeconds !== undefined ? { minPhaseSeconds: env.minPhaseSeconds } : {}),
  };
}
