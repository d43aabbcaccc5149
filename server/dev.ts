// `npm run dev`: the server (restarted when its code changes) and Vite's dev
// server for the client (reloaded in the browser as you edit).
import { spawn } from "node:child_process";
import { createServer } from "vite";

const apiPort = Number(process.env.PORT ?? 2567);
const server = spawn(process.execPath, ["--watch", "server/main.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development", PORT: String(apiPort), CLIENT_DIR: "./no-built-client-in-dev" },
});
process.env.VITE_SERVER_PORT = String(apiPort);
const vite = await createServer({ configFile: "vite.config.ts" });
await vite.listen();
console.log(
  `\nDevelopment client: ${vite.resolvedUrls?.local[0] ?? "http://localhost:5173/"} (the API runs on port ${apiPort})\n`,
);

const stop = () => {
  server.kill();
  void vite.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
