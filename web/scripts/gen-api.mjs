// The client's types from the server's OpenAPI document: `npm run gen:api` writes src/api/schema.d.ts, and
// schema-drift.test.mjs checks that the file is what this makes. It is the openapi-typescript CLI with its default
// options and one addition: a binary body (`format: binary`, an uploaded file) is a Blob, which fetch sends as it is,
// instead of the string the CLI makes of it.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import ts from "typescript";

const web = new URL("../", import.meta.url);
const blob = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier("Blob"));

/** The text of schema.d.ts for the document in web/openapi.json. */
export async function generate() {
  const ast = await openapiTS(new URL("openapi.json", web), {
    transform: (schema) => (schema.format === "binary" ? blob : undefined),
  });
  return `${COMMENT_HEADER}${astToString(ast)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("src/api/schema.d.ts", web), await generate(), "utf8");
}
