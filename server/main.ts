// `npm start`: one process serving the API, the exercise rooms and the client.
import { loadConfig } from "./config.ts";
import { setEngineFreeze } from "../shared/engine/index.ts";
import { joinBases, startApp } from "./app.ts";
import { StartupRefusal } from "./startup-refusal.ts";
import { matchMaker } from "@colyseus/core";
import { createLog, routeConsole } from "./ops/log.ts";

// frozen states catch mutation bugs in development and tests; in production they only cost time
setEngineFreeze(process.env.NODE_ENV === "development");

let config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

const log = createLog(config.logLevel, config.logFormat);
routeConsole(log);

const app = await startApp(config, log).catch((err: NodeJS.ErrnoException) => {
  if (err.code === "EADDRINUSE")
    console.error(`Port ${config.port} is in use. Stop the other program or start with PORT=<another port> npm start`);
  // a refusal is written for the operator: the message alone says what is wrong and what to do
  else if (err instanceof StartupRefusal) console.error(`Deconflict will not start.\n${err.message}`);
  else console.error(err);
  process.exit(1);
});

const local = `http://localhost:${app.port}`;
const lan = joinBases({ ...config, publicUrl: undefined }, app.port);
const unfinished = app.restored;
const restored = unfinished
  ? ` (${unfinished} unfinished exercise${unfinished === 1 ? "" : "s"} restored; running ones paused)`
  : "";
const cluster = config.redisUrl
  ? `  Cluster: process ${matchMaker.processId}, reached through the proxy at ${config.publicAddress}\n`
  : "";
console.log(`
Deconflict is running.
  Open ${config.publicUrl ?? local} in a browser to create an exercise.
${lan.map((u) => `  Participants on this network can join at ${u}`).join("\n")}
  Data: ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : config.dataDir}${restored}
${cluster}  Stop with Ctrl+C.
`);
const quarantined = app.hub.store.quarantined();
if (quarantined.length)
  console.error(
    `WARNING: ${quarantined.length} exercise${quarantined.length === 1 ? " is" : "s are"} quarantined because ` +
      `${quarantined.length === 1 ? "its" : "their"} stored data is damaged (kept in the database, not loaded): ` +
      `${quarantined.map((q) => q.id).join(", ")}. See the messages above; ` +
      `restore the database from a backup to get ${quarantined.length === 1 ? "it" : "them"} back.\n`,
  );

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("Stopping Deconflict…");
    app.close().finally(() => process.exit(0));
  });
}
