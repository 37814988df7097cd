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
    include: ["src/**/*.test.ts"],
    // Stylesheets are empty in tests unless listed here; the colour test reads them as text (`?raw`).
    css: { include: [/\.css\?raw$/] },
  },
});
