import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "./gen-api.mjs";

// The server test keeps openapi.json equal to what the server serves; this keeps the client's types equal to what
// openapi-typescript makes of that document (scripts/gen-api.mjs), so neither can drift from the server. The document
// holds both contracts the client is typed by: the HTTP API (api/client.ts) and the SignalR hub's messages and methods
// (schemas HubMessages and HubMethod, realtime/hub.ts).
const schema = new URL("../src/api/schema.d.ts", import.meta.url);

describe("schema.d.ts", () => {
  it("is what `npm run gen:api` generates from openapi.json", async () => {
    expect(readFileSync(schema, "utf8"), "run `npm run gen:api`").toBe(await generate());
  }, 30_000);
});
