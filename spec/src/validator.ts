// Validates request bodies against the bundled spec, and words each failure so that it names the field and the
// rule. The spec's tests and the mock both use it, so a body is judged the same way everywhere.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { isObject, operationsOf, resolveRef, type OpenApiDocument } from "./openapi.js";

/** One way in which a body breaks the spec. */
export interface ValidationProblem {
  /** Where, written as a JavaScript accessor from the body: `spec.resources[0].count`, `metadata.labels["os.modelarts/name"]`. */
  field: string;
  /** The same place as a JSON pointer into the body (RFC 6901): `/spec/resources/0/count`; the body itself is ``. */
  pointer: string;
  /** The JSON Schema keyword that failed: `required`, `type`, `enum`, `pattern`, `additionalProperties`, … */
  rule: string;
  /** One sentence naming the field and the rule. */
  message: string;
}

export type ValidationResult = { valid: true } | { valid: false; problems: ValidationProblem[] };

export type BodyValidator = (body: unknown) => ValidationResult;

const SPEC_ID = "openapi.json";

// One compiler per spec document: compiling is the expensive part, and every validator of a spec shares it.
const compilers = new WeakMap<object, Ajv2020>();

function compilerFor(spec: OpenApiDocument): Ajv2020 {
  let ajv = compilers.get(spec);
  if (!ajv) {
    // strict: false because OpenAPI schemas carry keywords JSON Schema does not know (example, discriminator, …).
    // It also turns strictNumbers off, and then `integer` and `number` accept Infinity and NaN: JSON such as `1e400`
    // parses to Infinity, which no schema of the spec means and JSON.stringify writes back as null. So on again.
    ajv = new Ajv2020({ strict: false, strictNumbers: true, allErrors: true, validateSchema: false });
    ajv.addSchema(spec as object, SPEC_ID);
    compilers.set(spec, ajv);
  }
  return ajv;
}

/** Validates any value against the schema at a JSON pointer of the spec, e.g. `/components/schemas/Pool`. */
export function pointerValidator(spec: OpenApiDocument, pointer: string): BodyValidator {
  const validate = compilerFor(spec).getSchema(`${SPEC_ID}#${pointer}`);
  if (!validate) throw new Error(`the spec has no schema at ${pointer}`);
  return wrap(validate);
}

/** Builds one validator per operation and media type of the spec, e.g. `validators.createPool["application/json"]`. */
export function requestBodyValidators(spec: OpenApiDocument): Record<string, Record<string, BodyValidator>> {
  const validators: Record<string, Record<string, BodyValidator>> = {};
  for (const { path, method, operationId, operation } of operationsOf(spec)) {
    // The schema is compiled where it stands: in the operation, or in the component its request body references.
    const { node: requestBody, ref } = resolveRef(spec, operation.requestBody);
    const content = requestBody.content;
    if (!operationId || !isObject(content)) continue;
    const at = ref === undefined ? toPointer(["paths", path, method, "requestBody"]) : ref.slice(1);
    const byMediaType: Record<string, BodyValidator> = {};
    for (const mediaType of Object.keys(content)) {
      byMediaType[mediaType] = pointerValidator(spec, `${at}${toPointer(["content", mediaType, "schema"])}`);
    }
    validators[operationId] = byMediaType;
  }
  return validators;
}

/** Validates any value against a schema given whole (no reference into the spec left in it), with the spec's compiler. */
export function compiledValidator(spec: OpenApiDocument, schema: object): BodyValidator {
  return wrap(compilerFor(spec).compile(schema));
}

/** Validates any value against a named component schema, e.g. `schemaValidator(spec, "Pool")`. */
export function schemaValidator(spec: OpenApiDocument, component: string): BodyValidator {
  return pointerValidator(spec, toPointer(["components", "schemas", component]));
}

/** `["paths", "/v2/{project_id}/pools"]` → `/paths/~1v2~1{project_id}~1pools` (RFC 6901). */
export function toPointer(segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

function wrap(validate: ValidateFunction): BodyValidator {
  return (body) => (validate(body) ? { valid: true } : { valid: false, problems: describe(validate.errors ?? [], body) });
}

function describe(errors: ErrorObject[], body: unknown): ValidationProblem[] {
  const problems = new Map<string, ValidationProblem>();
  for (const error of errors) {
    // allOf/$ref wrappers repeat their children's failures; the children say it better.
    if (error.keyword === "if" || error.keyword === "allOf") continue;
    const problem = toProblem(error, body);
    problems.set(problem.message, problem);
  }
  return [...problems.values()];
}

/** The value at a list of segments of the body, or undefined when there is none. */
function valueAt(body: unknown, segments: readonly string[]): unknown {
  let value = body;
  for (const segment of segments) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function toProblem(error: ErrorObject, body: unknown): ValidationProblem {
  const at = pointerToSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  // A missing or unknown property is reported at the property, not at the object that lacks or holds it.
  const problem = (segments: readonly string[], message: (field: string) => string): ValidationProblem => {
    const field = accessor(segments);
    return { field, pointer: toPointer(segments), rule: error.keyword, message: message(field) };
  };
  switch (error.keyword) {
    case "required":
      return problem([...at, String(params.missingProperty)], (field) => `${field} is required`);
    case "additionalProperties":
    case "unevaluatedProperties": {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return problem([...at, name], (field) => `${field} is not a known field (${error.keyword}: false)`);
    }
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ");
      return problem(at, (field) => `${field} must be one of ${allowed}`);
    }
    case "type": {
      const value = valueAt(body, at);
      // A number of the wrong kind, not of the wrong type: say so, or "must be of type integer" puzzles the sender.
      if (typeof value === "number" && !Number.isFinite(value)) {
        return problem(at, (field) => `${field} must be a finite ${String(params.type)}, not ${String(value)}`);
      }
      return problem(at, (field) => `${field} must be of type ${String(params.type)}`);
    }
    case "pattern":
      return problem(at, (field) => `${field} must match the pattern ${String(params.pattern)}`);
    default:
      return problem(at, (field) => `${field} ${error.message ?? "is invalid"} (${error.keyword})`);
  }
}

function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** `["spec", "resources", "0", "count"]` → `spec.resources[0].count`; the body itself is `body`. */
export function accessor(segments: readonly string[]): string {
  if (segments.length === 0) return "body";
  return segments
    .map((segment, index) => {
      if (/^\d+$/.test(segment)) return `[${segment}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join("");
}

export { parameterValidators, queryValuesOf, type ParameterValidator, type RequestParameters } from "./parameters.js";
