// Generates each operation's `x-codeSamples` from the spec's own named request examples: a TypeScript sample that
// calls @modelarts-pools/client and a curl sample that calls the local mock. Method, path, parameter values, media
// type, auth header and body all come from the spec, so a change there changes the samples with it.
import { typescriptLiteral } from "./literal.js";
import { mockUrl } from "./mock-server.js";
import {
  type CodeSample,
  type Example,
  type JsonValue,
  type OpenApiDocument,
  type OperationEntry,
  type Parameter,
  type SecurityScheme,
  defaultServerUrl,
  deref,
  parameterExample,
} from "./openapi.js";

/** The environment variable both samples read the IAM token from, so no token is ever written into a sample. */
export const tokenVariable = "MODELARTS_TOKEN";

/** The client takes the project ID once, in createPoolsClient; every other path parameter is a method argument. */
const clientConfigParameter = "project_id";

export interface RequestExample {
  name: string;
  summary: string | undefined;
  contentType: string;
  value: JsonValue;
}

export function requestExamplesOf(spec: OpenApiDocument, entry: OperationEntry): RequestExample[] {
  if (!entry.operation.requestBody) return [];
  const content = deref(spec, entry.operation.requestBody).content ?? {};
  return Object.entries(content).flatMap(([contentType, media]) =>
    Object.entries(media.examples ?? {}).map(([name, reference]) => {
      const example = deref<Example>(spec, reference);
      if (example.value === undefined) throw new Error(`${operationName(entry)}: example ${name} has no value`);
      return { name, summary: example.summary, contentType, value: example.value };
    }),
  );
}

function operationName(entry: OperationEntry): string {
  if (!entry.operation.operationId) throw new Error(`${entry.method.toUpperCase()} ${entry.path}: needs an operationId`);
  return entry.operation.operationId;
}

function pathParameters(entry: OperationEntry): Parameter[] {
  return [...entry.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const parameter = entry.parameters.find((p) => p.in === "path" && p.name === name);
    if (!parameter) throw new Error(`${operationName(entry)}: path parameter ${name} is not declared`);
    return parameter;
  });
}

function exampleString(parameter: Parameter): string {
  return String(parameterExample(parameter));
}

function camelCase(name: string): string {
  return name.replace(/[-_]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The header carrying the IAM token: the first header API key among the operation's security requirements. */
export function tokenHeader(spec: OpenApiDocument, entry: OperationEntry): string {
  const requirements = entry.operation.security ?? spec.security ?? [];
  for (const requirement of requirements) {
    for (const schemeName of Object.keys(requirement)) {
      const reference = spec.components?.securitySchemes?.[schemeName];
      const scheme = reference && deref<SecurityScheme>(spec, reference);
      if (scheme?.type === "apiKey" && scheme.in === "header" && scheme.name && scheme.name !== "Authorization") {
        return scheme.name;
      }
    }
  }
  throw new Error(`${operationName(entry)}: no header API key (token) among its security requirements`);
}

function heading(example: RequestExample, comment: string): string {
  return `${comment} ${example.summary ?? example.name}\n`;
}

export function typescriptSample(spec: OpenApiDocument, entry: OperationEntry, example: RequestExample): string {
  const server = spec.servers?.[0];
  if (!server) throw new Error("the spec needs a server for the TypeScript sample's endpoint");
  const parameters = pathParameters(entry);
  const projectId = parameters.find((p) => p.name === clientConfigParameter);
  if (!projectId) throw new Error(`${operationName(entry)}: the client needs a ${clientConfigParameter} path parameter`);
  const argumentsBefore = parameters.filter((p) => p !== projectId).map((p) => JSON.stringify(exampleString(p)));
  const call = `pools.${operationName(entry)}(${[...argumentsBefore, typescriptLiteral(example.value)].join(", ")})`;
  return [
    heading(example, "//"),
    `import { createPoolsClient } from "@modelarts-pools/client";\n`,
    `\n`,
    `const token = process.env.${tokenVariable};\n`,
    `if (!token) throw new Error("Set ${tokenVariable} to an IAM token");\n`,
    `\n`,
    `const pools = createPoolsClient({\n`,
    `  projectId: ${JSON.stringify(exampleString(projectId))},\n`,
    `  // or the local mock: ${JSON.stringify(mockUrl)}\n`,
    `  endpoint: ${JSON.stringify(defaultServerUrl(server))},\n`,
    `  auth: { token },\n`,
    `});\n`,
    `\n`,
    `const pool = await ${call};\n`,
    `console.log(pool.metadata.name);\n`,
  ].join("");
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function curlSample(spec: OpenApiDocument, entry: OperationEntry, example: RequestExample): string {
  let path = entry.path;
  for (const parameter of pathParameters(entry)) {
    path = path.replace(`{${parameter.name}}`, encodeURIComponent(exampleString(parameter)));
  }
  return [
    heading(example, "#"),
    `curl -sS --fail-with-body -X ${entry.method.toUpperCase()} ${shellQuote(mockUrl + path)} \\\n`,
    `  -H ${shellQuote(`Content-Type: ${example.contentType}`)} \\\n`,
    `  -H "${tokenHeader(spec, entry)}: $${tokenVariable}" \\\n`,
    `  --data-binary @- <<'JSON'\n`,
    `${JSON.stringify(example.value, null, 2)}\n`,
    `JSON\n`,
  ].join("");
}

/**
 * Both samples, from the operation's first named request example. Redoc 3 shows one sample per language beside
 * all the examples, so a second example would have no place of its own.
 */
export function codeSamplesFor(spec: OpenApiDocument, entry: OperationEntry): CodeSample[] {
  const [example] = requestExamplesOf(spec, entry);
  if (!example) return [];
  return [
    { lang: "TypeScript", label: "TypeScript", source: typescriptSample(spec, entry, example) },
    { lang: "curl", label: "curl", source: curlSample(spec, entry, example) },
  ];
}
