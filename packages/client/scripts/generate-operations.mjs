#!/usr/bin/env node
// Writes the client's two generated files from the bundled spec, so that src/ restates no operation:
// - src/generated/operations.ts, what the client needs at run time of each operation (method, path template, request
//   media type and schema name, answer media type, query parameter names, its method name where it differs, whether
//   it answers pages), the two header names it sends (the token's, the user ID's), the endpoint of each region (the
//   spec's servers) and the pool phases (the PoolPhase schema). Only these few strings go in, to keep the browser
//   bundle small: createPoolsClient makes one method of each entry.
// - src/generated/methods.ts, types only: each method's signature, typed by @modelarts-pools/types (path parameters
//   after project_id in path order, then the body, then the query, then the call options; the success body back).
// It is the client's `generate` task, which turbo runs after the spec's build and before this package's build, so
// `pnpm build` never compiles operations older than the spec; the files are build outputs like dist/ (not committed;
// see turbo.json for why).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deref, isObject } from "@modelarts-pools/spec/openapi";
import { describeApi } from "@modelarts-pools/spec/operations";

import { methodOverrides } from "./method-overrides.mjs";

export const generatedFile = fileURLToPath(new URL("../src/generated/operations.ts", import.meta.url));
export const methodsFile = fileURLToPath(new URL("../src/generated/methods.ts", import.meta.url));
const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json");

const header =
  "// Generated from @modelarts-pools/spec (dist/openapi.json) by scripts/generate-operations.mjs. Do not edit: `pnpm build` regenerates it.\n";

/** Throws with a sentence that says what in the spec no longer fits the client, and where to change it. */
function refuse(what) {
  throw new Error(`generate-operations: ${what} (the client's reading of the spec is in scripts/generate-operations.mjs)`);
}

/** `pool_name` → `poolName`: a path parameter as a TypeScript argument name. */
export const argumentName = (name) => name.replace(/[-_]+([a-z0-9])/g, (_, letter) => letter.toUpperCase());

/** The first 2xx status of an operation, and its answer. */
function successOf(operation) {
  const status = Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code)).sort()[0];
  return status === undefined ? undefined : { status, ...operation.responses[status] };
}

/**
 * Whether an operation answers pages the Kubernetes way: a `limit` and a `continue` query, and an answer whose
 * `metadata.continue` says where the next page starts and whose `items` are this page's.
 */
export function answersPages(document, operation) {
  const names = operation.queryParameters.map((parameter) => parameter.name);
  const success = successOf(operation);
  if (!names.includes("limit") || !names.includes("continue") || success?.mediaTypes[0] === undefined) return false;
  // The answer's schema where the operation has it: a component or written in place.
  const responses = deref(document, deref(document, document.paths[operation.path])[operation.method.toLowerCase()].responses);
  const content = deref(document, responses[success.status]).content;
  const properties = (node) => (isObject(node) && isObject(node.properties) ? node.properties : {});
  const answer = properties(deref(document, content[success.mediaTypes[0]].schema));
  const metadata = properties(deref(document, answer.metadata));
  return metadata.continue !== undefined && deref(document, answer.items)?.type === "array";
}

/** The client's view of the API, as plain data. */
export function clientOperations(document = spec, overrides = methodOverrides) {
  const api = describeApi(document);
  for (const id of Object.keys(overrides)) if (!api.operations[id]) refuse(`scripts/method-overrides.mjs names ${id}, which the spec has no more`);
  const operations = {};
  const names = new Map();
  for (const [id, operation] of Object.entries(api.operations)) {
    const success = successOf(operation);
    const accept = success?.mediaTypes[0];
    const { name = id, returns } = overrides[id] ?? {};
    const pages = answersPages(document, operation);
    for (const method of pages ? [name, `${name}All`] : [name]) {
      if (names.has(method)) refuse(`two operations would be the client method ${method} (${names.get(method)} and ${id}): rename one in scripts/method-overrides.mjs`);
      names.set(method, id);
    }
    operations[id] = {
      method: operation.method,
      path: operation.path,
      ...(operation.requestMediaTypes[0] === undefined ? {} : { body: operation.requestMediaTypes[0], schema: operation.requestSchema ?? "the request body" }),
      ...(accept === undefined ? {} : { accept }),
      ...(operation.queryParameters.length === 0 ? {} : { query: operation.queryParameters.map((parameter) => parameter.name) }),
      ...(name === id ? {} : { name }),
      ...(returns === undefined ? {} : { returns }),
      ...(pages ? { pages: true } : {}),
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
  const entries = Object.entries(operations).map(([id, operation]) => `  ${key(id)}: ${JSON.stringify(operation)},`);
  return `${header}
export interface Operation {
  method: string;
  /** The path template; the client fills its parameters in the order they appear. */
  path: string;
  /** The media type the request body is sent as; absent when the operation takes no body. */
  body?: string;
  /** The request body's schema, named in the error for a body that is not an object. */
  schema?: string;
  /** The media type of the success answer (sent as Accept); absent when it has no body. */
  accept?: string;
  /** The names of the query parameters. */
  query?: readonly string[];
  /** The client's method, where it is not the operationId (scripts/method-overrides.mjs). */
  name?: string;
  /** The property of the answer the method resolves to, where not the whole answer (scripts/method-overrides.mjs). */
  returns?: string;
  /** The answer is a page (\`metadata.continue\`, \`items\`): the client also iterates over all pages. */
  pages?: boolean;
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

const key = (id) => (/^[A-Za-z_$][\w$]*$/.test(id) ? id : JSON.stringify(id));

/** The TypeScript type of a schema the spec names, or of the operation's part at `path` in @modelarts-pools/types. */
const typeOf = (schema, id, path) => (schema ? `components["schemas"][${JSON.stringify(schema)}]` : `Api[${JSON.stringify(id)}]${path}`);

/** src/generated/methods.ts: the signature of every method createPoolsClient makes (types only). */
export function generateMethods(document = spec) {
  const api = describeApi(document);
  const { operations } = clientOperations(document);
  const projectParameter = "project_id";
  const lines = [];
  for (const [id, generated] of Object.entries(operations)) {
    const operation = api.operations[id];
    const name = generated.name ?? id;
    const success = successOf(operation);
    const args = operation.pathParameters.filter((parameter) => parameter.name !== projectParameter).map((parameter) => `${argumentName(parameter.name)}: string`);
    if (generated.body) args.push(`body${operation.requestBodyRequired ? "" : "?"}: ${typeOf(operation.requestSchema, id, `["requestBody"]["content"][${JSON.stringify(generated.body)}]`)}`);
    const query = `Api[${JSON.stringify(id)}]["parameters"]["query"]`;
    const queryRequired = operation.queryParameters.some((parameter) => parameter.required);
    if (generated.query) args.push(`query${queryRequired ? "" : "?"}: ${queryRequired ? query : `NonNullable<${query}>`}`);
    const options = `options?: ${operation.method === "POST" ? "CallOptions" : "RetryCallOptions"}`;
    const answer = success?.mediaTypes[0] === undefined ? "void" : typeOf(success.schema, id, `["responses"][${success.status}]["content"][${JSON.stringify(success.mediaTypes[0])}]`);
    const returned = generated.returns ? `${answer}[${JSON.stringify(generated.returns)}]` : answer;
    const retried = operation.method === "POST" ? "Never retried (a POST may not be repeated safely)." : "Retried when the client's or the call's `retry` options say so.";
    const summary = document.paths[operation.path]?.[operation.method.toLowerCase()]?.summary ?? id;
    lines.push(
      `  /** ${summary}: \`${operation.method} ${operation.path}\`, the spec's ${id}${generated.returns ? ` (resolves to the answer's \`${generated.returns}\`)` : ""}. ${retried} */`,
      `  ${key(name)}(${[...args, options].join(", ")}): Promise<${returned}>;`,
    );
    if (generated.pages) {
      const pageArgs = args.slice(0, -1);
      pageArgs.push(`query?: Omit<NonNullable<${query}>, "continue">`);
      lines.push(
        `  /** Every item of every page of ${name}, in order: it asks again with each answer's \`metadata.continue\` until that is empty, passing \`limit\` on. */`,
        `  ${key(`${name}All`)}(${[...pageArgs, options].join(", ")}): AsyncIterable<NonNullable<${answer}["items"]>[number]>;`,
      );
    }
  }
  return `${header.replace("Do not edit", "Types only. Do not edit")}
import type { components, operations as Api } from "@modelarts-pools/types";
import type { CallOptions, RetryCallOptions } from "../options.js";

/** A method for each operation of the spec (and an iterator over the pages of each that answers pages). */
export interface OperationMethods {
${lines.join("\n")}
}
`;
}

/** Writes `file` only when its text changes: an untouched file costs no rebuild. */
async function writeWhenChanged(file, text) {
  const current = await readFile(file, "utf8").catch(() => "");
  if (current === text) return;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

async function main() {
  await writeWhenChanged(generatedFile, generateOperations());
  await writeWhenChanged(methodsFile, generateMethods());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
