// What the docs read of the bundled spec, typed. The document is the spec package's one `OpenApiDocument`; each
// operation's method, path template, parameters, media types, responses and token header come from `describeApi`,
// and the little only the docs need (summaries, tags, the examples the samples are made of) is read through the spec
// package's walk and `$ref` resolution and checked as it is read, so nothing here casts the document.
import { deref, isObject, type Json, type JsonObject, type OpenApiDocument, operationsOf } from "@modelarts-pools/spec/openapi";
import { type ApiDescription, describeApi, type OperationDescription } from "@modelarts-pools/spec/operations";

export type { ApiDescription, Json, JsonObject, OpenApiDocument, OperationDescription };
export { deref, isObject };

/** One entry of an operation's `x-codeSamples` (a type alias, so that it is JSON the document can hold). */
export type CodeSample = { lang: string; label: string; source: string };

export interface RequestExample {
  /** The example's name, e.g. `createDedicatedPool`. */
  name: string;
  summary: string | undefined;
  /** The media type it is given under, e.g. `application/merge-patch+json`. */
  contentType: string;
  value: Json;
}

/** What the page shows of an operation object: a typed copy, read when the entry is made. */
export interface OperationView {
  operationId: string;
  summary: string;
  tags: string[];
  /** The generated samples, in a decorated copy; absent in the spec itself. */
  "x-codeSamples"?: CodeSample[];
}

export interface DocumentedOperation {
  /** Method, path template, parameters, media types and responses, as `describeApi` describes the operation. */
  api: OperationDescription;
  operation: OperationView;
  /** The operation object in the document itself (not a copy): the decoration writes the samples into it. */
  node: JsonObject;
  /** The path item's and the operation's parameters, resolved. */
  parameters: JsonObject[];
  /** The named examples of the request body, in the spec's order; empty when the operation takes no body. */
  requestExamples: RequestExample[];
}

export interface DocumentedApi {
  api: ApiDescription;
  operations: DocumentedOperation[];
}

function text(value: Json | undefined, what: string): string {
  if (typeof value !== "string" || value === "") throw new Error(`${what}: must be a non-empty string`);
  return value;
}

function codeSamplesOf(node: JsonObject, operationId: string): CodeSample[] | undefined {
  const samples = node["x-codeSamples"];
  if (samples === undefined) return undefined;
  if (!Array.isArray(samples)) throw new Error(`${operationId}: x-codeSamples must be an array`);
  return samples.map((sample, index) => {
    const where = `${operationId}: x-codeSamples[${index}]`;
    if (!isObject(sample)) throw new Error(`${where}: must be an object`);
    return { lang: text(sample.lang, `${where}.lang`), label: text(sample.label, `${where}.label`), source: text(sample.source, `${where}.source`) };
  });
}

function requestExamplesOf(document: OpenApiDocument, api: OperationDescription, requestBody: JsonObject | undefined): RequestExample[] {
  const content = isObject(requestBody?.content) ? requestBody.content : {};
  return api.requestMediaTypes.flatMap((contentType) => {
    const media = content[contentType];
    const examples = isObject(media) && isObject(media.examples) ? media.examples : {};
    return Object.entries(examples).map(([name, reference]) => {
      const example = deref(document, reference);
      if (example.value === undefined) throw new Error(`${api.operationId}: request example ${name} has no value`);
      const summary = typeof example.summary === "string" ? example.summary : undefined;
      return { name, summary, contentType, value: example.value };
    });
  });
}

/** The documented operations, in the document's order, each joined with its `describeApi` description. */
export function documentedApi(document: OpenApiDocument): DocumentedApi {
  const api = describeApi(document);
  const operations = operationsOf(document).map(({ operationId, method, path, operation: node, parameters, requestBody }) => {
    // describeApi leaves out an operation without an operationId; the page would show it without samples.
    if (!operationId) throw new Error(`${method.toUpperCase()} ${path}: needs an operationId`);
    const description = api.operations[operationId];
    if (!description) throw new Error(`${operationId}: describeApi does not describe it`);
    const tags = Array.isArray(node.tags) ? node.tags.map((tag, index) => text(tag, `${operationId}: tags[${index}]`)) : [];
    if (tags.length === 0) throw new Error(`${operationId}: needs a tag (the page's menu lists operations under their tag)`);
    const view: OperationView = { operationId, summary: text(node.summary, `${operationId}: summary`), tags };
    const samples = codeSamplesOf(node, operationId);
    if (samples) view["x-codeSamples"] = samples;
    return { api: description, operation: view, node, parameters, requestExamples: requestExamplesOf(document, description, requestBody) };
  });
  return { api, operations };
}

/** The operations alone (see {@link documentedApi}). */
export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return documentedApi(document).operations;
}

export function findOperation(operations: readonly DocumentedOperation[], operationId: string): DocumentedOperation {
  const found = operations.find((entry) => entry.operation.operationId === operationId);
  if (!found) throw new Error(`the spec has no operation ${operationId}`);
  return found;
}

/** A parameter of the operation, resolved: `where` is `path`, `query` or `header`. */
export function parameterOf(entry: DocumentedOperation, where: string, name: string): JsonObject {
  const found = entry.parameters.find((parameter) => parameter.in === where && parameter.name === name);
  if (!found) throw new Error(`${entry.api.operationId}: has no ${where} parameter ${name}`);
  return found;
}

/** The value a parameter is documented with: its own `example`, or its schema's; undefined when it has none. */
export function parameterExample(parameter: JsonObject): Json | undefined {
  const schema = isObject(parameter.schema) ? parameter.schema : {};
  const listed = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  return parameter.example ?? schema.example ?? listed;
}

/** The default a parameter's schema declares, if any. */
export function parameterDefault(parameter: JsonObject): Json | undefined {
  return isObject(parameter.schema) ? parameter.schema.default : undefined;
}

export interface Server {
  url: string;
  description: string | undefined;
  /** Variable name → its default value. */
  defaults: Record<string, string>;
}

/** The document's servers, typed. */
export function serversOf(document: OpenApiDocument): Server[] {
  return (document.servers ?? []).map((server, index) => {
    if (!isObject(server) || typeof server.url !== "string") throw new Error(`servers[${index}]: needs a url`);
    const variables = isObject(server.variables) ? server.variables : {};
    const defaults = Object.fromEntries(
      Object.entries(variables).flatMap(([name, variable]) => (isObject(variable) && typeof variable.default === "string" ? [[name, variable.default]] : [])),
    );
    return { url: server.url, description: typeof server.description === "string" ? server.description : undefined, defaults };
  });
}

/** The first server's URL with its variables at their defaults, e.g. https://modelarts.cn-north-4.myhuaweicloud.com. */
export function defaultServerUrl(document: OpenApiDocument): string {
  const [server] = serversOf(document);
  if (!server) throw new Error("the spec needs a server (servers[0].url) for the TypeScript samples' endpoint");
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = server.defaults[name];
    if (value === undefined) throw new Error(`server ${server.url}: variable ${name} has no default`);
    return value;
  });
}

/** The page's title and the overview's text (empty when the spec has none). */
export function infoOf(document: OpenApiDocument): { title: string; description: string } {
  const { title, description } = document.info;
  return { title: text(title, "info.title"), description: typeof description === "string" ? description : "" };
}

/** The JSON Schema of a component (`components.schemas[name]`), resolved. */
export function schemaComponent(document: OpenApiDocument, name: string): JsonObject {
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  const schema = schemas[name];
  if (schema === undefined) throw new Error(`the spec has no schema ${name}`);
  return deref(document, schema);
}
