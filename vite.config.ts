// Builds the browser client (client/) into dist/, which `npm start` serves.
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  publicDir: false,
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: { port: 5173 },
});
