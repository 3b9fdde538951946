// The other side of AK/SK signing: checking a signed request as the API gateway does (the Huawei Cloud API Request
// Signing Guide; FACTS.md), with the same canonical request the signer builds, so the two cannot disagree on the
// algorithm. The mock's --verify-signatures uses it; a user's own test server can too. A refusal says which check
// failed, in the gateway's words, and never repeats a secret key or a signature.
import { hex, utf8 } from "./encoding.js";
import { canonicalRequest, sha256Hex, signingAlgorithm, stringToSign } from "./signing.js";

/** A request as it arrived. */
export interface ArrivedRequest {
  method: string;
  /** The absolute URL: the Host header the request came with, its path and query. */
  url: string;
  /** Header values by lower-case name (Node joins repeats with ", "). */
  headers: Record<string, string | undefined>;
  body: Uint8Array;
}

/** Why a signed request was refused: the access key is unknown, the date too far off, the body not the one hashed, the signature another. */
export type SignatureRefusal = "malformed" | "unknown-access-key" | "expired" | "body-hash" | "signature";

export type SignatureCheck = { ok: true; accessKey: string } | { ok: false; refusal: SignatureRefusal; message: string };

/** How far X-Sdk-Date may be from the verifier's time: the gateway allows about 15 minutes (FACTS.md). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Checks an AK/SK-signed request: the access key must be one `secretKeyOf` knows, X-Sdk-Date within
 * {@link MAX_CLOCK_SKEW_MS} of `now`, an X-Sdk-Content-Sha256 (other than UNSIGNED-PAYLOAD) the hash of the body, and
 * the signature the one the secret key gives for the request as it arrived.
 */
export async function verifySignature(request: ArrivedRequest, secretKeyOf: (accessKey: string) => string | undefined, now: number): Promise<SignatureCheck> {
  const refused = (refusal: SignatureRefusal, detail: string): SignatureCheck => ({ ok: false, refusal, message: `Incorrect IAM authentication information: ${detail}` });
  const authorization = AUTHORIZATION.exec((request.headers["authorization"] ?? "").trim());
  if (!authorization) return refused("malformed", `Authorization is not \`${signingAlgorithm} Access=<AK>, SignedHeaders=<names>, Signature=<64 hex digits>\``);
  const [, accessKey, signedList, signature] = authorization as unknown as [string, string, string, string];
  const names = signedList.toLowerCase().split(";");
  for (const required of ["host", "x-sdk-date"]) {
    if (!names.includes(required)) return refused("malformed", `SignedHeaders must include ${required}`);
  }
  const secretKey = secretKeyOf(accessKey);
  if (secretKey === undefined) return refused("unknown-access-key", "Get secretKey failed: the access key is not one this gateway knows");

  const date = request.headers["x-sdk-date"] ?? "";
  const parts = SDK_DATE.exec(date);
  if (!parts) return refused("malformed", "X-Sdk-Date must be the UTC time YYYYMMDDTHHMMSSZ");
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  const signedAt = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    return refused("expired", `signature expired: X-Sdk-Date ${date} is more than 15 minutes from the gateway's time ${new Date(now).toISOString()}`);
  }

  const signed = new Map<string, string>();
  for (const name of names) {
    const value = request.headers[name];
    if (value === undefined) return refused("signature", `verify aksk signature fail: ${name} is among SignedHeaders but was not sent`);
    signed.set(name, value.trim());
  }
  const bodySha256 = await sha256Hex(request.body);
  const declared = signed.get("x-sdk-content-sha256");
  if (declared !== undefined && declared !== "UNSIGNED-PAYLOAD" && declared.toLowerCase() !== bodySha256) {
    return refused("body-hash", "verify aksk signature fail: the body does not match X-Sdk-Content-Sha256");
  }
  const canonical = canonicalRequest(request.method, new URL(request.url), signed, declared ?? bodySha256);
  const key = await crypto.subtle.importKey("raw", utf8(secretKey), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const expected = hex(await crypto.subtle.sign("HMAC", key, utf8(await stringToSign(canonical, date))));
  if (!equalHex(expected, signature.toLowerCase())) {
    return refused("signature", "verify aksk signature fail: the signature is not the one the secret key gives for this request (is the secret key the access key's, and the request the one signed?)");
  }
  return { ok: true, accessKey };
}

/** Compares two hex strings of one length without stopping at the first difference. */
function equalHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
