// How stateful mode names and labels a pool, read from the schemas: the label that names a pool is the one label the
// create request requires (`os.modelarts/name`); the labels a created pool gains are the create request's label
// defaults (`os.modelarts/workspace.id: "0"`) and the labels the pool's schema says carry a path parameter
// (`x-from-path`: `os.modelarts/tenant.project.id` ← `project_id`).
import { deref, isObject, operationsOf as entriesOf, type JsonObject, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { Operation } from "./router.js";

export interface PoolRules {
  /** The schema component a pool is answered as (`Pool`): the create operation's success response. */
  itemSchema: string;
  /** The label whose value names the pool (`os.modelarts/name`). */
  nameLabel: string;
  /** Labels a created pool has unless the request sets them, with their values. */
  labelDefaults: Record<string, string>;
  /** Labels a created pool gets from the request path: label → path parameter. */
  labelsFromPath: Record<string, string>;
  /**
   * The longest name every operation on one pool takes (63: showPool's and deletePool's `pool_name`), so that the
   * store never makes a pool it could not show or delete; Infinity when their parameters state no bound.
   */
  nameMaxLength: number;
}

// Where labels are, in a create request and in a pool: the store reads them there through the types package's
// CreatePoolRequest and Pool, so a spec that moved them would not compile.
const LABELS = ["metadata", "labels"];

/**
 * The rules of the resource the create operation makes, or undefined when its schemas do not say them. `items` are
 * the operations on one item, and `name` the path parameter that names it there (`pool_name`).
 */
export function poolRulesOf(spec: OpenApiDocument, create: Operation, items: readonly Operation[], name: string): PoolRules | undefined {
  const itemSchema = Object.entries(create.responses).find(([status, response]) => /^2\d\d$/.test(status) && response.schema)?.[1].schema;
  if (!create.requestSchema || !itemSchema) return undefined;
  const requested = walk(spec, component(create.requestSchema), LABELS);
  const answered = walk(spec, component(itemSchema), LABELS);
  const required = Array.isArray(requested?.required) ? requested.required : [];
  const [nameLabel] = required;
  if (required.length !== 1 || typeof nameLabel !== "string") return undefined;

  const labelDefaults: Record<string, string> = {};
  for (const [label, schema] of Object.entries(isObject(requested?.properties) ? requested.properties : {})) {
    const fallback = deref(spec, schema).default;
    if (typeof fallback === "string") labelDefaults[label] = fallback;
  }
  const fromPath = answered?.["x-from-path"];
  const labelsFromPath: Record<string, string> = {};
  for (const [label, parameter] of Object.entries(isObject(fromPath) ? fromPath : {})) {
    if (typeof parameter === "string") labelsFromPath[label] = parameter;
  }
  const lengths = items.map((item) => parameterSchema(spec, item, "path", name)?.maxLength).filter((max) => typeof max === "number");
  return { itemSchema, nameLabel, labelDefaults, labelsFromPath, nameMaxLength: Math.min(...lengths) };
}

/** The schema of an operation's parameter, read from the document (describeApi keeps names only). */
export function parameterSchema(spec: OpenApiDocument, operation: Operation, where: string, name: string): JsonObject | undefined {
  const entry = entriesOf(spec).find((candidate) => candidate.operationId === operation.operationId);
  const parameter = entry?.parameters.find((candidate) => candidate.in === where && candidate.name === name);
  return parameter ? deref(spec, parameter.schema) : undefined;
}

function component(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** The schema of a nested property (`metadata` then `labels`), its references followed. */
function walk(spec: OpenApiDocument, schema: JsonObject, path: readonly string[]): JsonObject | undefined {
  let node: JsonObject | undefined = deref(spec, schema);
  for (const key of path) {
    const properties: unknown = node?.properties;
    node = isObject(properties) && properties[key] !== undefined ? deref(spec, properties[key]) : undefined;
  }
  return node;
}
