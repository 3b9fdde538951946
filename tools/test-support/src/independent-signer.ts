// SDK-HMAC-SHA256 written again from ../shared/FACTS.md with node:crypto and nothing from src/, so a mistake in
// the client's signer cannot hide behind the same mistake here.
import { createHash, createHmac } from "node:crypto";

const unreserved = /[A-Za-z0-9\-._~]/;

function encode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && unreserved.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export interface SignedInput {
  method: string;
  url: string;
  /** The headers exactly as sent (Authorization excluded or not; it is never signed). */
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/**
 * The Authorization header that signing `input` over exactly `signedNames` (lower-case, sorted) gives. The names
 * are the caller's statement of what must be signed, never read back from the Authorization header under test:
 * a header that should have been signed and was not then shows as a mismatch.
 */
export function expectedAuthorization(input: SignedInput, accessKey: string, secretKey: string, signedNames: readonly string[]): string {
  const lower = new Map(Object.entries(input.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const url = new URL(input.url);
  const path = url.pathname.split("/").map((segment) => encode(decodeURIComponent(segment))).join("/");
  const canonicalPath = path.endsWith("/") ? path : `${path}/`;
  const query = [...url.searchParams]
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .join("&");
  const headerLines = signedNames
    .map((name) => `${name}:${(name === "host" ? lower.get("host") ?? url.host : lower.get(name) ?? "").trim()}\n`)
    .join("");
  const bodyHash = lower.get("x-sdk-content-sha256") ?? createHash("sha256").update(input.body).digest("hex");
  const canonical = [input.method, canonicalPath, query, headerLines, signedNames.join(";"), bodyHash].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${lower.get("x-sdk-date")}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", secretKey).update(toSign).digest("hex");
  return `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=${signedNames.join(";")}, Signature=${signature}`;
}
