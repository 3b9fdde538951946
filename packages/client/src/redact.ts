// Errors travel into logs. Whatever a custom fetch or the platform put in a message, the token and the secret key
// must not travel with it, so causes are copied with every secret replaced.

const mask = "[redacted]";
// Real tokens and keys are long (an SK has 40 characters, a token thousands). Looking for a very short one would
// only garble ordinary words in error messages, so such values are left alone.
const shortestSecret = 8;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= shortestSecret) out = out.split(secret).join(mask);
  return out;
}

/** A `JSON.parse` reviver step: strings, and the keys of objects, with every secret taken out. */
export function redactJson(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, secrets), item]));
}

/**
 * A copy of an error and of its cause chain with every secret taken out of the messages; the stack of the copy is
 * its own, so no stack text of the original travels either.
 */
export function redactedCause(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(error instanceof Error)) return error == null ? error : redact(String(error), secrets);
  const copy = new Error(redact(error.message, secrets), error.cause == null || depth > 7 ? undefined : { cause: redactedCause(error.cause, secrets, depth + 1) });
  copy.name = error.name;
  return copy;
}

/** The innermost message of a cause chain: "fetch failed" says less than "connect ECONNREFUSED 127.0.0.1:9". */
export function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
