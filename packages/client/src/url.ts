// The URL of one call: the operation's path template with its parameters filled in, in order, and its query. Both
// are encoded by the rule the signer uses (encoding.ts), so the URL that is sent is the URL that is signed.
import { encodeRfc3986 } from "./encoding.js";

/** Refuses a value that cannot be one path segment: "." and ".." would be dropped from the path as dot segments. */
export function checkSegment(value: unknown, field: string | (() => string)): string {
  if (typeof value !== "string" || /^\.{0,2}$/.test(value)) {
    throw new TypeError(`${typeof field === "string" ? field : field()} must be one path segment: a non-empty string other than "." and ".."`);
  }
  return value;
}

// Templates split once into [text, name, text, name, …, text]: a call then only encodes and joins.
const splitTemplates = new Map<string, string[]>();

/** `template` (a path of the spec, `{name}` for each parameter) with its parameters replaced by `values`, in order. */
export function fillPath(template: string, values: readonly string[], operationId: string): string {
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split(/\{([^}]*)\}/)));
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    path += encodeRfc3986(checkSegment(values[(i - 1) / 2], () => `${operationId}: ${parts[i]}`)) + parts[i + 1];
  }
  return path;
}

/**
 * `?name=value&…` of the parameters of `names` that `values` gives, or "" when it gives none. A name the operation
 * does not have is refused rather than dropped: a misspelt filter would otherwise list every pool.
 */
export function queryString(names: readonly string[] | undefined, values: Record<string, unknown> | undefined, operationId: string): string {
  for (const name in values) {
    if (!names?.includes(name)) throw new TypeError(`${operationId}: unknown query parameter ${JSON.stringify(name)}, not one of ${names}`);
  }
  const pairs: string[] = [];
  for (const name of names ?? []) {
    const value = values?.[name];
    if (value !== undefined) pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(String(value))}`);
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}
