// Generates each operation's `x-codeSamples`: a TypeScript sample that calls @modelarts-pools/client and a curl sample
// that calls the local mock. Method, path, parameter values, media type, token header and body all come from the
// spec (describeApi and the spec's own examples), so a change there changes the samples with it.
import { clientMethod, clientReturns } from "./client-methods.js";
import { typescriptLiteral } from "./literal.js";
import { mockUrl } from "./defaults.js";
import {
  type ApiDescription,
  type CodeSample,
  type DocumentedApi,
  type Json,
  type OpenApiDocument,
  type DocumentedOperation,
  type RequestExample,
  defaultServerUrl,
  deref,
  isObject,
  parameterDefault,
  parameterExample,
  parameterOf,
  schemaComponent,
} from "./openapi.js";

/** The environment variable both samples read the IAM token from, so no token is ever written into a sample. */
export const tokenVariable = "MODELARTS_TOKEN";

/** What every sample of one document shares. */
export interface SampleContext {
  document: OpenApiDocument;
  api: ApiDescription;
  /** The regional endpoint the TypeScript samples call: the spec's first server, variables at their defaults. */
  endpoint: string;
  /** The header the token goes in. */
  tokenHeader: string;
  /** The path parameters every operation has (the project ID): the client takes them once, in createPoolsClient. */
  clientParameters: string[];
}

/**
 * The header the samples send the IAM token in: the API's first security scheme. The spec lists the token first; the
 * AK/SK scheme after it needs a signature computed per request, which no sample line can show.
 */
export function tokenHeader(api: ApiDescription): string {
  const [first] = api.security;
  if (first?.in !== "header") throw new Error("the spec's first security scheme must be a header API key (the IAM token) for the samples");
  return first.name;
}

export function sampleContext(document: OpenApiDocument, { api, operations }: DocumentedApi): SampleContext {
  const [first, ...rest] = operations;
  if (!first) throw new Error("the spec has no operations to document");
  const names = (entry: DocumentedOperation) => entry.api.pathParameters.map((parameter) => parameter.name);
  const clientParameters = names(first).filter((name) => rest.every((entry) => names(entry).includes(name)));
  return { document, api, endpoint: defaultServerUrl(document), tokenHeader: tokenHeader(api), clientParameters };
}

function exampleText(entry: DocumentedOperation, where: string, name: string): string {
  const value = parameterExample(parameterOf(entry, where, name));
  if (value === undefined) throw new Error(`${entry.api.operationId}: ${where} parameter ${name} needs an example for the code samples`);
  return String(value);
}

/** Query parameters with an example, as the samples send them; one whose example is its default would change nothing. */
function queryExamples(entry: DocumentedOperation): { name: string; value: Json }[] {
  return entry.api.queryParameters.flatMap(({ name }) => {
    const parameter = parameterOf(entry, "query", name);
    const value = parameterExample(parameter);
    if (value === undefined || value === parameterDefault(parameter)) return [];
    return [{ name, value }];
  });
}

function camelCase(name: string): string {
  return name.replace(/[-_]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** `PoolDeletion` → `poolDeletion`: a value of a schema, named by it. */
const valueName = (schema: string) => schema[0]!.toLowerCase() + schema.slice(1);

/** The schema component a property of `schema` refers to (its items' schema, for an array). */
function propertySchema(context: SampleContext, schema: string, property: string): string | undefined {
  const { properties } = schemaComponent(context.document, schema);
  const node = isObject(properties) ? properties[property] : undefined;
  if (node === undefined) return undefined;
  const resolved = deref(context.document, node);
  const target = resolved.type === "array" ? resolved.items : node;
  return isObject(target) && typeof target.$ref === "string" ? target.$ref.replace("#/components/schemas/", "") : undefined;
}

/** The lines after the call that show the answer: its items by their schema's name, or it by its own. */
function answerLines(context: SampleContext, entry: DocumentedOperation, call: string): string[] {
  const success = Object.entries(entry.api.responses).find(([status]) => status.startsWith("2"))?.[1];
  const schema = success?.schema;
  if (!success?.mediaTypes.length) return [`${call};\n`, `console.log(${JSON.stringify(`${entry.api.operationId}: done`)});\n`];
  if (!schema) return [`const answer = ${call};\n`, `console.log(answer);\n`];
  const show = (name: string, of: string) => (propertySchema(context, of, "metadata") ? `${name}.metadata.name` : name);
  const items = propertySchema(context, schema, "items");
  const returns = clientReturns(entry.api.operationId);
  if (items && returns === "items") {
    return [`const found = ${call};\n`, `for (const ${valueName(items)} of found) console.log(${show(valueName(items), items)});\n`];
  }
  if (items && !returns) {
    return [`const page = ${call};\n`, `for (const ${valueName(items)} of page.items) console.log(${show(valueName(items), items)});\n`];
  }
  return [`const ${valueName(schema)} = ${call};\n`, `console.log(${show(valueName(schema), schema)});\n`];
}

/** The first lines of every TypeScript sample: the import, the token and the client. */
export function clientSetup(context: SampleContext, entry: DocumentedOperation, title: string): string {
  const options = context.clientParameters.map((name) => `  ${camelCase(name)}: ${JSON.stringify(exampleText(entry, "path", name))},\n`);
  return [
    `// ${title}\n`,
    `import { createPoolsClient } from "@modelarts-pools/client";\n`,
    `\n`,
    `const token = process.env.${tokenVariable};\n`,
    `if (!token) throw new Error("Set ${tokenVariable} to an IAM token");\n`,
    `\n`,
    `const pools = createPoolsClient({\n`,
    ...options,
    `  // or the local mock: ${JSON.stringify(mockUrl)}\n`,
    `  endpoint: ${JSON.stringify(context.endpoint)},\n`,
    `  auth: { token },\n`,
    `});\n`,
  ].join("");
}

/**
 * The call of the operation's client method: its own path parameters (their examples, or the expressions given),
 * then the body, then the query.
 */
export function clientCall(context: SampleContext, entry: DocumentedOperation, body: Json | undefined, pathArguments?: string[]): string {
  const path =
    pathArguments ??
    entry.api.pathParameters
      .filter(({ name }) => !context.clientParameters.includes(name))
      .map(({ name }) => JSON.stringify(exampleText(entry, "path", name)));
  const query = queryExamples(entry);
  // The query's values as their own types (a `limit` is a number), as the method's query type takes them.
  const queryObject: Json = Object.fromEntries(query.map(({ name, value }) => [name, value]));
  const args = [...path, ...(body === undefined ? [] : [typescriptLiteral(body)]), ...(query.length ? [typescriptLiteral(queryObject)] : [])];
  return `pools.${clientMethod(entry.api.operationId)}(${args.join(", ")})`;
}

function title(entry: DocumentedOperation, example: RequestExample | undefined): string {
  return example?.summary ?? example?.name ?? entry.operation.summary;
}

export function typescriptSample(context: SampleContext, entry: DocumentedOperation, example: RequestExample | undefined): string {
  const call = `await ${clientCall(context, entry, example?.value)}`;
  return [clientSetup(context, entry, title(entry, example)), `\n`, ...answerLines(context, entry, call)].join("");
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function curlSample(context: SampleContext, entry: DocumentedOperation, example: RequestExample | undefined): string {
  let path = entry.api.path;
  for (const { name } of entry.api.pathParameters) path = path.replace(`{${name}}`, encodeURIComponent(exampleText(entry, "path", name)));
  const query = queryExamples(entry);
  if (query.length > 0 && example) throw new Error(`${entry.api.operationId}: a curl sample with both a query and a body is not written yet`);
  const lines = [
    `curl -sS --fail-with-body -X ${entry.api.method} ${shellQuote(mockUrl + path)}`,
    ...(example ? [`  -H ${shellQuote(`Content-Type: ${example.contentType}`)}`] : []),
    `  -H "${context.tokenHeader}: $${tokenVariable}"`,
    // -G puts the --data-urlencode pairs in the query string, encoded by curl, so they read as the API documents them.
    ...(query.length ? [`  -G`, ...query.map(({ name, value }) => `  --data-urlencode ${shellQuote(`${name}=${String(value)}`)}`)] : []),
    ...(example ? [`  --data-binary @- <<'JSON'`] : []),
  ];
  const body = example ? `${JSON.stringify(example.value, null, 2)}\nJSON\n` : "";
  return `# ${title(entry, example)}\n${lines.join(" \\\n")}\n${body}`;
}

/**
 * Both samples. An operation with a body takes it from its first named request example: Redoc 3 shows one sample per
 * language beside all the examples, so a second example would have no place of its own.
 */
export function codeSamplesFor(context: SampleContext, entry: DocumentedOperation): CodeSample[] {
  const [example] = entry.requestExamples;
  if (entry.api.requestMediaTypes.length > 0 && !example) throw new Error(`${entry.api.operationId}: its request body needs a named example for the code samples`);
  return [
    { lang: "TypeScript", label: "TypeScript", source: typescriptSample(context, entry, example) },
    { lang: "curl", label: "curl", source: curlSample(context, entry, example) },
  ];
}
