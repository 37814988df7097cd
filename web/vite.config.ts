import { defineConfig } from "vitest/config";

const server = "http://localhost:5080";

export default defineConfig({
  build: {
    // Served by Marketplace.Server as static files; the folder is build output, not source.
    outDir: "../src/Marketplace.Server/wwwroot",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/api": server,
      "/hubs": { target: server, ws: true },
      "/health": server,
      "/openapi": server,
    },
  },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.mjs"], // scripts: node-side checks, outside the typed browser code
    // Stylesheets are empty in tests unless listed here; the colour test reads them as text (`?raw`).
    css: { include: [/\.css\?raw$/] },
  },
});
