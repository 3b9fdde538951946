// What the breaking-change comparison adds to the spec package's `$ref` resolution (@modelarts-pools/spec/openapi,
// which both documents are read through): the component a reference names, and structural equality.
import { isObject } from "@modelarts-pools/spec/openapi";

/** The component name a reference points at: `#/components/schemas/Pool` → `Pool`. */
export function componentName(ref: string | undefined): string | undefined {
  return ref?.split("/").pop();
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
