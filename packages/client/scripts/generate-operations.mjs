#!/usr/bin/env node
// Writes src/generated/operations.ts: what the client needs to know of each operation of the bundled spec (method,
// path template, request media type, answer media type, query parameter names), the two header names it sends
// for the spec (the token's, the user ID's), taken from `describeApi`, the endpoint of each region (from the spec's
// servers) and the pool phases (from the PoolPhase schema), so that src/ restates none of them. Only
// these few strings go in, to keep the browser bundle small. It is the client's `generate` task, which turbo runs
// after the spec's build and before this package's build, so `pnpm build` never compiles operations older than the
// spec; the file is a build output like dist/ (not committed; see turbo.json for why).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deref, isObject } from "@modelarts-pools/spec/openapi";
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
  return {
    operations,
    tokenHeader: token.name.toLowerCase(),
    userIdHeader: headerParameters[0].toLowerCase(),
    regionServers: regionServers(document),
    poolPhases: poolPhases(document),
  };
}

/**
 * The servers whose URL has a `{region}` variable, each as its URL template and the regions it serves (the values
 * of the variable's `enum`, or its default). A region two servers claim stops the generation: the client could
 * not tell which is right.
 */
export function regionServers(document = spec) {
  const servers = [];
  const seen = new Map();
  for (const [index, server] of (document.servers ?? []).entries()) {
    const variable = isObject(server) && isObject(server.variables) ? server.variables.region : undefined;
    if (typeof server?.url !== "string" || !isObject(variable)) continue;
    const others = server.url.replaceAll("{region}", "").match(/\{[^}]*\}/);
    if (others) refuse(`servers[${index}] (${server.url}) has a variable ${others[0]} besides {region}, which the client has no option for`);
    const regions = Array.isArray(variable.enum) ? variable.enum : [variable.default];
    for (const region of regions) {
      // The client finds a region in a ", "-joined list (the smallest form for the browser bundle).
      if (typeof region !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(region)) refuse(`servers[${index}] has a region that is not one DNS label: ${JSON.stringify(region)}`);
      if (seen.has(region)) refuse(`region ${region} is served by two servers (${seen.get(region)} and ${server.url})`);
      seen.set(region, server.url);
    }
    servers.push([server.url, regions]);
  }
  if (servers.length === 0) refuse("no server of the spec has a {region} variable");
  return servers;
}

/** The values of the PoolPhase schema, so that the client can refuse a phase the API never reports. */
export function poolPhases(document = spec) {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const schema = schemas.PoolPhase === undefined ? undefined : deref(document, schemas.PoolPhase);
  if (!Array.isArray(schema?.enum)) refuse("the spec has no PoolPhase schema with an enum");
  return schema.enum;
}

export function generateOperations(document = spec) {
  const { operations, tokenHeader, userIdHeader, regionServers, poolPhases } = clientOperations(document);
  const servers = regionServers.map(([url, regions]) => [url, regions.join(", ")]);
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

/** The spec's servers with a \`{region}\` variable: each URL template and the regions it serves, joined by ", ". */
export const regionServers: readonly (readonly [url: string, regions: string])[] = ${JSON.stringify(servers)};

/** Every phase a pool can report (the PoolPhase schema). */
export const poolPhases = ${JSON.stringify(poolPhases)} as const;
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
