// One description of the API's operations, read from the bundled spec: everything the client, the mock and the docs
// need to know to send, route, check and answer a call. No package types a path, a method, a media type, a header
// name or an error example again: the client generates a constant from this at build time, the mock and the docs
// call it when they start. It is plain JSON, so it can be written into generated code as it is.
import { deref, isObject, operationsOf, type OpenApiDocument } from "./openapi.js";

export type UpperHttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export interface ParameterDescription {
  name: string;
  required: boolean;
}

export interface ResponseDescription {
  /** The media types of the answer's body (empty when it has none). */
  mediaTypes: string[];
  /** The names of the examples the response holds, in the spec's order (`components.examples` keys). */
  examples: string[];
  /** The schema component of the first media type (`Pool`, `ModelArtsError`), when it names one. */
  schema: string | undefined;
  /**
   * Examples that answer a situation HTTP gives another status, from the example's `x-answers`
   * (`x-answers: 415 Unsupported Media Type`): example name → that status. The live API answers some situations with
   * a status of its own (a PATCH that is not a merge patch gets 400, where HTTP says 415), so a response can hold a
   * plain example and one for such a situation. Present only when one of its examples says so.
   */
  answers?: Record<string, number>;
}

export interface OperationDescription {
  operationId: string;
  method: UpperHttpMethod;
  /** The path template, e.g. `/v2/{project_id}/pools/{pool_name}`. */
  path: string;
  /** Path parameters in the order they appear in the template. */
  pathParameters: ParameterDescription[];
  queryParameters: ParameterDescription[];
  /** Header parameters, with the spec's spelling of the name. */
  headerParameters: ParameterDescription[];
  /** The media types the request body may be sent as, in the spec's order; empty when the operation takes no body. */
  requestMediaTypes: string[];
  requestBodyRequired: boolean;
  /** The request body's schema component (`CreatePoolRequest`), when it names one. */
  requestSchema: string | undefined;
  /** Status code (as written in the spec, e.g. "200", "404") → what that response holds. */
  responses: Record<string, ResponseDescription>;
}

export interface SecuritySchemeDescription {
  /** The scheme's key in `components.securitySchemes`, e.g. `token`. */
  scheme: string;
  /** Where the credential goes: `header`, `query` or `cookie` (apiKey schemes). */
  in: string;
  /** The header (or query/cookie) name, e.g. `X-Auth-Token`. */
  name: string;
}

export interface ApiDescription {
  operations: Record<string, OperationDescription>;
  /** The apiKey security schemes the document's security requirements name, in order. */
  security: SecuritySchemeDescription[];
}

function componentName(ref: string | undefined): string | undefined {
  return ref?.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined;
}

function schemaRef(node: unknown): string | undefined {
  return isObject(node) && typeof node.$ref === "string" ? node.$ref : undefined;
}

function parametersIn(parameters: readonly Record<string, unknown>[], where: string): ParameterDescription[] {
  return parameters
    .filter((parameter) => parameter.in === where && typeof parameter.name === "string")
    .map((parameter) => ({ name: parameter.name as string, required: parameter.required === true }));
}

/** Every operation of the document that has an operationId, and its security schemes. */
export function describeApi(document: OpenApiDocument): ApiDescription {
  const operations: Record<string, OperationDescription> = {};
  for (const entry of operationsOf(document)) {
    const { operationId, path, method, operation, parameters, requestBody } = entry;
    if (!operationId) continue;
    const declaredPath = parametersIn(parameters, "path");
    const pathParameters = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
      const declared = declaredPath.find((parameter) => parameter.name === name);
      if (!declared) throw new Error(`${operationId}: path parameter ${name} is not declared`);
      return declared;
    });
    const requestContent = isObject(requestBody?.content) ? requestBody.content : {};
    const firstRequestMedia = Object.values(requestContent)[0];
    const responses: Record<string, ResponseDescription> = {};
    for (const [status, value] of Object.entries(deref(document, operation.responses))) {
      const content = deref(document, value).content;
      const media = isObject(content) ? content : {};
      const first = Object.values(media)[0];
      const examples = Object.values(media).flatMap((type) => (isObject(type) && isObject(type.examples) ? Object.entries(type.examples) : []));
      const answers = answersOf(document, operationId, examples);
      responses[status] = {
        mediaTypes: Object.keys(media),
        examples: examples.map(([name]) => name),
        schema: componentName(schemaRef(isObject(first) ? first.schema : undefined)),
        ...(answers ? { answers } : {}),
      };
    }
    operations[operationId] = {
      operationId,
      method: method.toUpperCase() as UpperHttpMethod,
      path,
      pathParameters,
      queryParameters: parametersIn(parameters, "query"),
      headerParameters: parametersIn(parameters, "header"),
      requestMediaTypes: Object.keys(requestContent),
      requestBodyRequired: requestBody?.required === true,
      requestSchema: componentName(schemaRef(isObject(firstRequestMedia) ? firstRequestMedia.schema : undefined)),
      responses,
    };
  }
  return { operations, security: securityOf(document) };
}

/** Example name → the status its `x-answers` names (`415 Unsupported Media Type` → 415); undefined when none says. */
function answersOf(document: OpenApiDocument, operationId: string, examples: [string, unknown][]): Record<string, number> | undefined {
  const answers: Record<string, number> = {};
  for (const [name, example] of examples) {
    const said = deref(document, example)["x-answers"];
    if (said === undefined) continue;
    const status = typeof said === "string" ? /^([1-5]\d\d)\b/.exec(said)?.[1] : undefined;
    if (!status) throw new Error(`${operationId}: example ${name} has x-answers ${JSON.stringify(said)}; write an HTTP status and its reason, e.g. "415 Unsupported Media Type"`);
    answers[name] = Number(status);
  }
  return Object.keys(answers).length > 0 ? answers : undefined;
}

function securityOf(document: OpenApiDocument): SecuritySchemeDescription[] {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const requirements = Array.isArray(document.security) ? document.security : [];
  const named = [...new Set(requirements.flatMap((requirement) => (isObject(requirement) ? Object.keys(requirement) : [])))];
  return named.flatMap((scheme) => {
    const found = schemes[scheme];
    const node = found === undefined ? undefined : deref(document, found);
    if (!node || node.type !== "apiKey" || typeof node.in !== "string" || typeof node.name !== "string") return [];
    return [{ scheme, in: node.in, name: node.name }];
  });
}
