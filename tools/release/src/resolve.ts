// Internal $ref resolution. The bundled spec keeps `#/components/...` references; differences are judged on what a
// reference points at, so both documents are read through these helpers.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#")) throw new Error(`external $ref ${ref} is not supported: compare bundled specs`);
  let node: Json | undefined = doc;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) ? node[token] : undefined;
    if (node === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return node;
}

export interface Resolved {
  node: JsonObject;
  /** The last `$ref` followed, which names the component (`#/components/schemas/Pool`). */
  ref?: string;
}

/** Follows `$ref` chains; keywords beside a `$ref` (allowed in OpenAPI 3.1) override the target's. */
export function deref(doc: Json, node: Json | undefined): Resolved {
  let current: JsonObject = isObject(node) ? node : {};
  let ref: string | undefined;
  const followed = new Set<string>();
  while (typeof current.$ref === "string") {
    const { $ref, ...siblings } = current;
    if (followed.has($ref)) throw new Error(`$ref cycle through ${$ref}`);
    followed.add($ref);
    ref = $ref;
    const target = pointer(doc, $ref);
    current = { ...(isObject(target) ? target : {}), ...siblings };
  }
  return ref === undefined ? { node: current } : { node: current, ref };
}

/** The component name a reference points at: `#/components/schemas/Pool` → `Pool`. */
export function componentName(ref: string | undefined): string | undefined {
  return ref?.split("/").pop();
}

/** A copy with every reference inlined; a reference that loops back is left as it is. */
export function inline(doc: Json, node: Json | undefined, stack: string[] = []): Json | undefined {
  if (Array.isArray(node)) return node.map((item) => inline(doc, item, stack) ?? null);
  if (!isObject(node)) return node;
  if (typeof node.$ref === "string") {
    if (stack.includes(node.$ref)) return node;
    const { $ref, ...siblings } = node;
    const target = inline(doc, pointer(doc, $ref), [...stack, $ref]);
    return { ...(isObject(target) ? target : { value: target ?? null }), ...(inline(doc, siblings, stack) as JsonObject) };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = inline(doc, value, stack) ?? null;
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}
