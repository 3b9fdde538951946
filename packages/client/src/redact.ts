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

/** A copy of an error (and of its cause chain) whose message and stack hold none of the secrets. */
export function redactedCause(error: unknown, secrets: readonly string[], depth = 0): unknown {
  if (error === undefined || error === null) return error;
  if (!(error instanceof Error)) return redact(String(error), secrets);
  const copy = new Error(redact(error.message, secrets));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redact(error.stack, secrets);
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  if (error.cause !== undefined && depth < 8) copy.cause = redactedCause(error.cause, secrets, depth + 1);
  return copy;
}

/** The innermost message of a cause chain: "fetch failed" says less than "connect ECONNREFUSED 127.0.0.1:9". */
export function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; current instanceof Error && current.cause instanceof Error && depth < 8; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
