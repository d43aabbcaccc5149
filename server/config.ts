// Configuration from the environment, checked once at start-up.
import { z } from "zod";
import { resolve } from "node:path";

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(2567),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  SCENARIOS_DIR: z.string().default("./scenarios"),
  CLIENT_DIR: z.string().default("./dist"),
  PUBLIC_URL: z.string().url().optional(),
  RECONNECT_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  CREATE_CODE: z.string().min(8, "CREATE_CODE must have at least 8 characters").optional(),
  CREATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  WRONG_CODES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  MAX_LIVE_EXERCISES: z.coerce.number().int().min(1).default(500),
  ROOM_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(900),
  BUSY_LAG_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  MAX_QUEUED_WRITES: z.coerce.number().int().min(1).default(5000),
  BOT_DELAY_SECONDS: z.string().optional(),
  SELF_PACED_MIN_PHASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  TRUST_PROXY: z.enum(["0", "1", "false", "true"]).default("0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres://")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://")
    .optional(),
  PUBLIC_ADDRESS: z.string().min(1).optional(),
  SEAL_KEY: z.string().optional(),
  OWNER_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(5),
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must have at least 16 characters").optional(),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  scenariosDir: string;
  clientDir: string;
  publicUrl: string | undefined;
  reconnectGraceSeconds: number;
  /** if set, creating exercises and courses needs this code (Authorization: Bearer) */
  createCode: string | undefined;
  /** exercises and courses one address may create per minute */
  createPerMinute: number;
  /** wrong join or facilitator codes one address may try per minute */
  wrongCodesPerMinute: number;
  /** unfinished exercises this instance keeps at most */
  maxLiveExercises: number;
  /** a room nobody is connected to closes after this long (a running exercise is paused first) */
  roomIdleSeconds: number;
  /** behind a reverse proxy: take the caller's address from X-Forwarded-For */
  trustProxy: boolean;
  /** seconds a bot waits before each command, "4-12" (server/bots/settings.ts) */
  botDelay: string | undefined;
  /** the shortest phase a self-paced exercise may ask for */
  selfPacedMinPhaseSeconds: number;
  /** the event loop running this late (ms) means saturated: new commands are refused as "busy" */
  busyLagMs: number;
  /** this many accepted commands waiting for the disk means saturated too */
  maxQueuedWrites: number;
  /** PostgreSQL instead of SQLite (shared by every process of a cluster) */
  databaseUrl: string | undefined;
  /** Redis for Colyseus's presence and matchmaking across processes */
  redisUrl: string | undefined;
  /** where the proxy reaches this very process (e.g. "example.org/2567"): game connections are sent there */
  publicAddress: string | undefined;
  /** the seal key from the configuration (hex), so every process seals and checks alike; else DATA_DIR's */
  sealKey: string | undefined;
  /** a process silent this long (frozen, cut off) loses its exercises to the others */
  ownerTimeoutSeconds: number;
  /** if set, /metrics asks for it (Authorization: Bearer) */
  metricsToken: string | undefined;
  /** the largest file the studio accepts as an inject's attachment (bytes) */
  attachmentMaxBytes: number;
  logLevel: string;
  /** "json": one JSON object a line (pino), for a log collector; "text": plain lines */
  logFormat: "text" | "json";
}

/** Reads the configuration; throws one readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // a variable set to nothing counts as unset (compose files pass `VAR: ${VAR:-}`)
  const r = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!r.success)
    throw new Error(`Bad configuration: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const c = r.data;
  const problems = clusterProblems(c);
  if (problems.length) throw new Error(`Bad configuration: ${problems.join("; ")}`);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR === ":memory:" ? c.DATA_DIR : resolve(c.DATA_DIR),
    scenariosDir: resolve(c.SCENARIOS_DIR),
    clientDir: resolve(c.CLIENT_DIR),
    publicUrl: c.PUBLIC_URL,
    reconnectGraceSeconds: c.RECONNECT_GRACE_SECONDS,
    createCode: c.CREATE_CODE,
    createPerMinute: c.CREATE_PER_MINUTE,
    wrongCodesPerMinute: c.WRONG_CODES_PER_MINUTE,
    maxLiveExercises: c.MAX_LIVE_EXERCISES,
    roomIdleSeconds: c.ROOM_IDLE_SECONDS,
    trustProxy: c.TRUST_PROXY === "1" || c.TRUST_PROXY === "true",
    botDelay: c.BOT_DELAY_SECONDS,
    selfPacedMinPhaseSeconds: c.SELF_PACED_MIN_PHASE_SECONDS,
    busyLagMs: c.BUSY_LAG_MS,
    maxQueuedWrites: c.MAX_QUEUED_WRITES,
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    publicAddress: c.PUBLIC_ADDRESS,
    sealKey: c.SEAL_KEY?.trim(),
    ownerTimeoutSeconds: c.OWNER_TIMEOUT_SECONDS,
    metricsToken: c.METRICS_TOKEN,
    attachmentMaxBytes: c.ATTACHMENT_MAX_BYTES,
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
  };
}

/** Several processes need all of it: a shared database, Redis, each its own address, and one seal key. */
function clusterProblems(c: z.infer<typeof schema>): string[] {
  const found: string[] = [];
  if (c.REDIS_URL && !c.DATABASE_URL)
    found.push("REDIS_URL: several processes cannot share an SQLite file; set DATABASE_URL (PostgreSQL) too");
  if (c.REDIS_URL && !c.PUBLIC_ADDRESS)
    found.push("PUBLIC_ADDRESS: with REDIS_URL, each process needs the address the proxy reaches it at");
  if (c.PUBLIC_ADDRESS && !c.REDIS_URL) found.push("PUBLIC_ADDRESS: only used with REDIS_URL (several processes)");
  if (c.DATABASE_URL && !c.SEAL_KEY)
    found.push("SEAL_KEY: with DATABASE_URL, every process must seal recordings with the same key (64 hex digits)");
  const key = c.SEAL_KEY?.trim();
  if (key !== undefined && !/^[0-9a-f]{32,}$/i.test(key))
    found.push("SEAL_KEY: at least 32 hexadecimal digits (0-9, a-f); make one with: openssl rand -hex 32");
  return found;
}
