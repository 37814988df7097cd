import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The server test keeps openapi.json equal to what the server serves; this keeps the client's types equal to what
// openapi-typescript makes of that document, so neither can drift from the server. The document holds both contracts
// the client is typed by: the HTTP API (api/client.ts) and the SignalR hub's messages and methods (schemas HubMessages
// and HubMethod, realtime/hub.ts).
const web = fileURLToPath(new URL("../", import.meta.url));

describe("schema.d.ts", () => {
  it("is what `npm run gen:api` generates from openapi.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "schema-"));
    try {
      const generated = join(dir, "schema.d.ts");
      execFileSync(process.execPath, ["node_modules/openapi-typescript/bin/cli.js", "openapi.json", "-o", generated], { cwd: web, stdio: "pipe" });
      expect(readFileSync(join(web, "src/api/schema.d.ts"), "utf8"), "run `npm run gen:api`").toBe(readFileSync(generated, "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
