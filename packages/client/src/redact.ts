// The one place where secrets are taken out of what the package throws or hands back as an error. Errors travel
// into logs, and a secret can reach one by many roads: the URL (a token pasted as the project ID or a pool name,
// percent-encoded there), the answer's status text, its X-Request-Id, its body (a gateway echoing a header), and
// whatever a fetch put in its messages and causes. Every error the client creates takes each of these through a
// Redact (errors.ts), before it composes its message, so a secret cannot survive by being cut in half; every error
// `raw` throws or returns is copied through the same Redact (raw.ts).
import { encodeRfc3986 } from "./encoding.js";

/** A text with every secret in it replaced by `[redacted]`. */
export type Redact = (text: string) => string;

const mask = "[redacted]";
// Real secrets are long (an SK has 40 characters, a token thousands, a signature 64). Looking for a very short one
// would only garble ordinary words in error messages, so such values are left alone.
const shortestSecret = 8;

export const keepAll: Redact = (text) => text;

/** A Redact for `secrets`, as written and as percent-encoded into a URL (the encoded forms are made on first use). */
export function redactor(secrets: readonly (string | undefined)[]): Redact {
  let forms: string[] | undefined;
  return (text) => {
    forms ??= [...new Set(secrets.flatMap((secret) => (secret && secret.length >= shortestSecret ? [encodeRfc3986(secret), encodeURIComponent(secret), secret] : [])))];
    let out = text;
    for (const form of forms) out = out.split(form).join(mask);
    return out;
  };
}

/**
 * A body as parsed JSON (or as text when it is not JSON) with every secret taken out of its strings and of its
 * object keys. It is redacted after parsing, so a secret that the server wrote with JSON escapes ("\/", "\u…")
 * is whole again here.
 */
export function redactBody(value: unknown, redact: Redact): unknown {
  return typeof value === "string"
    ? redact(value)
    : value === undefined || redact === keepAll
      ? value
      : JSON.parse(JSON.stringify(value), (_, item: unknown) =>
        typeof item === "string"
          ? redact(item)
          : typeof item === "object" && item !== null && !Array.isArray(item)
            ? Object.fromEntries(Object.entries(item).map(([key, entry]) => [redact(key), entry]))
            : item,
      );
}

/**
 * A copy of an error and of its cause chain with every secret taken out of the messages; the stack of the copy is
 * its own, so no stack text of the original travels either.
 */
export function redactedCause(error: unknown, redact: Redact, depth = 0): unknown {
  if (!(error instanceof Error)) return error == null ? error : redact(String(error));
  const copy = new Error(redact(error.message), error.cause == null || depth > 7 ? undefined : { cause: redactedCause(error.cause, redact, depth + 1) });
  copy.name = error.name;
  return copy;
}

/** The innermost message of a cause chain: "fetch failed" says less than "connect ECONNREFUSED 127.0.0.1:9". */
export function rootMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
