import { deref, isObject, type Json, type JsonObject, resolveRef } from "@modelarts-pools/spec/openapi";
import { compareSchema, type Direction } from "./compare-schema.js";
import { compareDocumentation, compareLoosely, isDocumentation, type Context } from "./context.js";
import { componentName, deepEqual } from "./resolve.js";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function objectAt(value: Json | undefined): JsonObject {
  return isObject(value) ? value : {};
}

/** Reports keys of `a`/`b` outside `handled` that differ, as documentation (patch) or unclassified (major). */
function compareRest(ctx: Context, a: JsonObject, b: JsonObject, handled: readonly string[], subject: string, where: string): void {
  compareDocumentation(ctx, a, b, subject, where);
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (handled.includes(key) || isDocumentation(key) || deepEqual(a[key], b[key])) continue;
    compareLoosely(ctx, a[key], b[key], `${key} of ${subject}`, where);
  }
}

export function comparePaths(ctx: Context): void {
  const before = objectAt(objectAt(ctx.before).paths);
  const after = objectAt(objectAt(ctx.after).paths);
  for (const path of Object.keys(before)) {
    if (!(path in after)) ctx.out.add("path-removed", `removed path ${path}`, path);
  }
  for (const path of Object.keys(after)) {
    if (!(path in before)) ctx.out.add("path-added", `new path ${path}`, path);
    else comparePathItem(ctx, path, deref(ctx.before, before[path]), deref(ctx.after, after[path]));
  }
}

function comparePathItem(ctx: Context, path: string, a: JsonObject, b: JsonObject): void {
  for (const method of methods) {
    const opA = a[method];
    const opB = b[method];
    const label = `${method.toUpperCase()} ${path}`;
    if (isObject(opA) && !isObject(opB)) {
      ctx.out.add("operation-removed", `removed operation ${operationName(opA, label)} (${label})`, label);
    } else if (!isObject(opA) && isObject(opB)) {
      ctx.out.add("operation-added", `new operation ${operationName(opB, label)} (${label})`, label);
    } else if (isObject(opA) && isObject(opB)) {
      compareOperation(ctx, label, { item: a, op: opA }, { item: b, op: opB });
    }
  }
  compareRest(ctx, a, b, [...methods, "parameters"], `path ${path}`, path);
}

function operationName(op: JsonObject, label: string): string {
  return typeof op.operationId === "string" ? op.operationId : label;
}

interface Operation {
  item: JsonObject;
  op: JsonObject;
}

function compareOperation(ctx: Context, label: string, a: Operation, b: Operation): void {
  const name = operationName(b.op, label);
  if (a.op.operationId !== b.op.operationId) {
    ctx.out.add("operation-id-changed", `operationId of ${label} changed from ${String(a.op.operationId)} to ${String(b.op.operationId)}`, name);
  }
  if (a.op.deprecated !== b.op.deprecated) {
    ctx.out.add("deprecated", `operation ${name} ${b.op.deprecated ? "deprecated" : "no longer deprecated"}`, name);
  }
  if (!deepEqual(a.op.tags, b.op.tags)) ctx.out.add("documentation-changed", `changed tags of operation ${name}`, name);
  compareParameters(ctx, name, parametersOf(ctx.before, a), parametersOf(ctx.after, b));
  compareRequestBody(ctx, name, a.op.requestBody, b.op.requestBody);
  compareResponses(ctx, name, objectAt(a.op.responses), objectAt(b.op.responses));
  compareRest(ctx, a.op, b.op, ["operationId", "deprecated", "tags", "parameters", "requestBody", "responses"], `operation ${name}`, name);
}

/** Path-level parameters merged with the operation's own, keyed by location and name (headers case-insensitive). */
function parametersOf(doc: Json, { item, op }: Operation): Map<string, JsonObject> {
  const byKey = new Map<string, JsonObject>();
  for (const list of [item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = deref(doc, entry);
      const where = String(parameter.in);
      const name = String(parameter.name);
      byKey.set(`${where} ${where === "header" ? name.toLowerCase() : name}`, parameter);
    }
  }
  return byKey;
}

function compareParameters(ctx: Context, operation: string, before: Map<string, JsonObject>, after: Map<string, JsonObject>): void {
  for (const [key, a] of before) {
    const b = after.get(key);
    const subject = `${a.in} parameter ${String(a.name)}`;
    if (!b) {
      ctx.out.add("parameter-removed", `removed ${subject} of ${operation}`, operation);
      continue;
    }
    const wasRequired = a.required === true;
    const isRequired = b.required === true;
    if (!wasRequired && isRequired) ctx.out.add("parameter-became-required", `${subject} of ${operation} became required`, operation);
    if (wasRequired && !isRequired) ctx.out.add("parameter-became-optional", `${subject} of ${operation} became optional`, operation);
    if (a.deprecated !== b.deprecated) {
      ctx.out.add("deprecated", `${subject} of ${operation} ${b.deprecated ? "deprecated" : "no longer deprecated"}`, operation);
    }
    compareSchema(ctx, a.schema, b.schema, "request", { noun: `${a.in} parameter`, name: String(a.name) }, operation);
    // `name` stays compared: matching is case-insensitive, but the generated types key on the exact header name.
    compareRest(ctx, a, b, ["in", "required", "deprecated", "schema"], subject, operation);
  }
  for (const [key, b] of after) {
    if (before.has(key)) continue;
    const subject = `${b.in} parameter ${String(b.name)}`;
    if (b.required === true) ctx.out.add("parameter-added-required", `new required ${subject} of ${operation}`, operation);
    else ctx.out.add("parameter-added-optional", `new optional ${subject} of ${operation}`, operation);
  }
}

function compareRequestBody(ctx: Context, operation: string, before: Json | undefined, after: Json | undefined): void {
  if (before === undefined && after === undefined) return;
  const a = deref(ctx.before, before);
  const b = deref(ctx.after, after);
  const where = `${operation} request`;
  if (before === undefined) {
    if (b.required === true) ctx.out.add("request-body-became-required", `new required request body of ${operation}`, where);
    else ctx.out.add("request-media-type-added", `new optional request body of ${operation}`, where);
    return;
  }
  if (after === undefined) {
    ctx.out.add("request-media-type-removed", `removed request body of ${operation}`, where);
    return;
  }
  if (a.required !== true && b.required === true) ctx.out.add("request-body-became-required", `request body of ${operation} became required`, where);
  if (a.required === true && b.required !== true) ctx.out.add("request-body-became-optional", `request body of ${operation} became optional`, where);
  compareContent(ctx, "request", operation, where, objectAt(a.content), objectAt(b.content));
  compareRest(ctx, a, b, ["required", "content"], `request body of ${operation}`, where);
}

function compareContent(ctx: Context, direction: Direction, operation: string, where: string, before: JsonObject, after: JsonObject): void {
  for (const mediaType of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const place = `${where} ${mediaType}`;
    if (!(mediaType in after)) {
      ctx.out.add(`${direction}-media-type-removed`, `removed ${direction} media type ${mediaType} of ${where}`, place);
    } else if (!(mediaType in before)) {
      ctx.out.add(`${direction}-media-type-added`, `new ${direction} media type ${mediaType} of ${where}`, place);
    } else {
      const a = objectAt(before[mediaType]);
      const b = objectAt(after[mediaType]);
      const name = componentName(resolveRef(ctx.before, a.schema).ref) ?? componentName(resolveRef(ctx.after, b.schema).ref) ?? operation;
      compareSchema(ctx, a.schema, b.schema, direction, { noun: `${direction} body`, name }, place);
      compareRest(ctx, a, b, ["schema"], `${direction} ${mediaType} of ${where}`, place);
    }
  }
}

function compareResponses(ctx: Context, operation: string, before: JsonObject, after: JsonObject): void {
  for (const status of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const where = `${operation} ${status}`;
    if (!(status in after)) {
      ctx.out.add("response-removed", `removed response ${status} of ${operation}`, where);
      continue;
    }
    if (!(status in before)) {
      ctx.out.add("response-added", `new response ${status} of ${operation}`, where);
      continue;
    }
    const a = deref(ctx.before, before[status]);
    const b = deref(ctx.after, after[status]);
    compareHeaders(ctx, where, objectAt(a.headers), objectAt(b.headers));
    compareContent(ctx, "response", operation, where, objectAt(a.content), objectAt(b.content));
    compareRest(ctx, a, b, ["headers", "content"], `response ${status} of ${operation}`, where);
  }
}

function compareHeaders(ctx: Context, where: string, before: JsonObject, after: JsonObject): void {
  const lower = (headers: JsonObject) => new Map(Object.entries(headers).map(([name, header]) => [name.toLowerCase(), { name, header }]));
  const a = lower(before);
  const b = lower(after);
  for (const [key, { name, header }] of a) {
    const next = b.get(key);
    if (!next) {
      ctx.out.add("response-header-removed", `removed response header ${name} of ${where}`, where);
      continue;
    }
    const oldHeader = deref(ctx.before, header);
    const newHeader = deref(ctx.after, next.header);
    compareSchema(ctx, oldHeader.schema, newHeader.schema, "response", { noun: "response header", name }, where);
    compareRest(ctx, oldHeader, newHeader, ["schema"], `response header ${name}`, where);
  }
  for (const [key, { name }] of b) {
    if (!a.has(key)) ctx.out.add("response-header-added", `new response header ${name} of ${where}`, where);
  }
}
