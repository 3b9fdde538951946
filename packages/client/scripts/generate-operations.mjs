#!/usr/bin/env node
// Writes src/generated/operations.ts: what the client needs to know of each operation of the bundled spec (method,
// path template, request media type, answer media type, query parameter names) and the two header names it sends
// for the spec (the token's, the user ID's), taken from `describeApi` so that src/ restates none of them. Only
// these few strings go in, to keep the browser bundle small. It is the client's `generate` task, which turbo runs
// after the spec's build and before this package's build, so `pnpm build` never compiles operations older than the
// spec; the file is a build output like dist/ (not committed; see turbo.json for why).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describeApi } from "@modelarts-pools/spec/operations";

export const generatedFile = fileURLToPath(new URL("../src/generated/operations.ts", import.meta.url));
const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json");

const header =
  "// Generated from @modelarts-pools/spec (dist/openapi.json) by scripts/generate-operations.mjs. Do not edit: `pnpm build` regenerates it.\n";

/** Throws with a sentence that says what in the spec no longer fits the client, and where to change it. */
function refuse(what) {
  throw new Error(`generate-operations: ${what} (the client's reading of the spec is in scripts/generate-operations.mjs)`);
}

/** The client's view of the API, as plain data. */
export function clientOperations(document = spec) {
  const api = describeApi(document);
  const operations = {};
  for (const [id, operation] of Object.entries(api.operations)) {
    const success = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status)).sort()[0];
    const accept = success === undefined ? undefined : operation.responses[success].mediaTypes[0];
    operations[id] = {
      method: operation.method,
      path: operation.path,
      ...(operation.requestMediaTypes[0] === undefined ? {} : { body: operation.requestMediaTypes[0] }),
      ...(accept === undefined ? {} : { accept }),
      ...(operation.queryParameters.length === 0 ? {} : { query: operation.queryParameters.map((parameter) => parameter.name) }),
    };
  }
  const token = api.security.find((scheme) => scheme.scheme === "token");
  if (token?.in !== "header") refuse(`the spec has no "token" security scheme sent in a header (found ${JSON.stringify(api.security)})`);
  // The client's `userId` option fills the one header parameter the operations declare; a second one would need
  // an option of its own, so it stops the generation instead of being guessed at.
  const headerParameters = [...new Set(Object.values(api.operations).flatMap((operation) => operation.headerParameters.map((parameter) => parameter.name)))];
  if (headerParameters.length !== 1) refuse(`the operations declare ${headerParameters.length} header parameters (${headerParameters.join(", ")}); the client maps its userId option to exactly one`);
  return { operations, tokenHeader: token.name.toLowerCase(), userIdHeader: headerParameters[0].toLowerCase() };
}

export function generateOperations(document = spec) {
  const { operations, tokenHeader, userIdHeader } = clientOperations(document);
  const key = (id) => (/^[A-Za-z_$][\w$]*$/.test(id) ? id : JSON.stringify(id));
  const entries = Object.entries(operations).map(([id, operation]) => `  ${key(id)}: ${JSON.stringify(operation)},`);
  return `${header}
export interface Operation {
  method: string;
  /** The path template; the client fills its parameters in the order they appear. */
  path: string;
  /** The media type the request body is sent as; absent when the operation takes no body. */
  body?: string;
  /** The media type of the success answer (sent as Accept). */
  accept?: string;
  /** The names of the query parameters. */
  query?: readonly string[];
}

/** Each operation of the spec, by operationId. */
export const operations = {
${entries.join("\n")}
} as const satisfies Record<string, Operation>;

export type OperationId = keyof typeof operations;

/** The header of the \`token\` security scheme, lower-cased as the client sends every name. */
export const tokenHeader = ${JSON.stringify(tokenHeader)};

/** The one header parameter of the operations (the client's \`userId\` option), lower-cased. */
export const userIdHeader = ${JSON.stringify(userIdHeader)};
`;
}

async function main() {
  const fresh = generateOperations();
  const current = await readFile(generatedFile, "utf8").catch(() => "");
  if (current === fresh) return; // untouched when unchanged: no needless rebuild
  await mkdir(dirname(generatedFile), { recursive: true });
  await writeFile(generatedFile, fresh);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
