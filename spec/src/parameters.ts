// The request's parameters (path, query and header) checked against the spec, for every operation: each value,
// which arrives as text, is read as its schema's type (`limit=ten` is no integer) and then validated against the
// schema (`limit=1000` is over the maximum of 500); a required one must be there, and a query parameter the operation
// does not declare is refused, as the closed request bodies refuse an unknown field. The mock runs this in every mode
// (and its proxy in strict mode); the problems name the parameter and the rule, never a header's value.
import { inline, isObject, operationsOf, type JsonObject, type OpenApiDocument } from "./openapi.js";
import { compiledValidator, type ValidationProblem } from "./validator.js";

/** A request's parameters as they arrive: path parameters decoded, each query name with all its values. */
export interface RequestParameters {
  path: Record<string, string>;
  query: Record<string, string[]>;
  /** Header names lower-cased, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
}

export type ParameterValidator = (request: RequestParameters) => ValidationProblem[];

/** A URL's query as the validator takes it: each name with all its values, in order. */
export function queryValuesOf(search: URLSearchParams): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const [name, value] of search) (values[name] ??= []).push(value);
  return values;
}

const WHERE: Record<string, string> = { path: "path parameter", query: "query parameter", header: "header" };

/** Text → the schema's type, or undefined when the text is not one (the problem is then the type's). */
function read(text: string, type: unknown): unknown {
  switch (type) {
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case "number":
      return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
    default:
      return text;
  }
}

function checkerOf(document: OpenApiDocument, parameter: JsonObject): (values: string[]) => ValidationProblem[] {
  const name = String(parameter.name);
  const label = `${WHERE[String(parameter.in)] ?? String(parameter.in)} ${name}`;
  const schema = (inline(document, parameter.schema as never) ?? {}) as JsonObject;
  const validate = compiledValidator(document, schema);
  const problem = (rule: string, message: string): ValidationProblem => ({ field: label, pointer: "", rule, message });
  return (values) => {
    if (values.length === 0) return parameter.required === true ? [problem("required", `${label} is required`)] : [];
    // Arrays are sent as repeated names (form style, exploded: OpenAPI's default for the query).
    const array = schema.type === "array";
    if (!array && values.length > 1) return [problem("type", `${label} is given ${values.length} times; it takes one value`)];
    const itemType = array && isObject(schema.items) ? schema.items.type : schema.type;
    const read_ = values.map((text) => read(text, itemType));
    const wrong = read_.findIndex((value) => value === undefined);
    if (wrong !== -1) return [problem("type", `${label} must be of type ${String(itemType)}, not ${JSON.stringify(parameter.in === "header" ? "(a value)" : values[wrong])}`)];
    const result = validate(array ? read_ : read_[0]);
    // The validator names the value itself "body": here it is the parameter.
    return result.valid ? [] : result.problems.map((found) => ({ ...found, field: label, message: label + found.message.replace(/^body/, "") }));
  };
}

/** One validator of the parameters of each operation of the spec, by operationId. */
export function parameterValidators(document: OpenApiDocument): Record<string, ParameterValidator> {
  const validators: Record<string, ParameterValidator> = {};
  for (const { operationId, parameters } of operationsOf(document)) {
    if (!operationId) continue;
    const checks = parameters.map((parameter) => ({ parameter, check: checkerOf(document, parameter) }));
    const queryNames = new Set(parameters.filter((parameter) => parameter.in === "query").map((parameter) => String(parameter.name)));
    validators[operationId] = ({ path, query, headers }) => {
      const problems: ValidationProblem[] = [];
      for (const name of Object.keys(query)) {
        if (!queryNames.has(name)) {
          const known = queryNames.size ? `: it takes ${[...queryNames].join(", ")}` : ": it takes none";
          problems.push({ field: `query parameter ${name}`, pointer: "", rule: "additionalProperties", message: `query parameter ${name} is not one ${operationId} takes${known}` });
        }
      }
      for (const { parameter, check } of checks) {
        const name = String(parameter.name);
        const given =
          parameter.in === "path" ? (path[name] === undefined ? [] : [path[name]!])
          : parameter.in === "query" ? (query[name] ?? [])
          : parameter.in === "header" ? [headers[name.toLowerCase()]].flat().filter((value): value is string => value !== undefined)
          : [];
        problems.push(...check(given));
      }
      return problems;
    };
  }
  return validators;
}
