// AK/SK request signing, "SDK-HMAC-SHA256" of the Huawei Cloud API Request Signing Guide. WebCrypto only, so the
// same code signs in Node, Deno, Bun and browsers.
import { platformClock } from "./clock.js";
import { encodeRfc3986, hex, utf8 } from "./encoding.js";

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** Given with temporary credentials; sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignableRequest {
  method: string;
  /** The absolute URL the request goes to, query included. */
  url: string;
  /**
   * Every header given here is signed (besides `host`, taken from the URL unless given, and `x-sdk-date`). Names
   * are case-insensitive: for a name given twice with different capitals, the last one wins.
   */
  headers?: Record<string, string>;
  /** The exact bytes that will be sent; a string is sent as UTF-8. */
  body?: string | Uint8Array;
}

export const signingAlgorithm = "SDK-HMAC-SHA256";

/** `YYYYMMDDTHHMMSSZ` in UTC, the format of `X-Sdk-Date`. */
export function sdkDate(now: Date): string {
  return now.toISOString().replace(/[-:]|\.\d+/g, "");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%" is sent as is, so it is signed as is
  }
}

/** Each path segment encoded by RFC 3986; the signed URI always ends with "/" even when the sent one does not. */
export function canonicalUri(pathname: string): string {
  const uri = pathname.split("/").map((segment) => encodeRfc3986(decodeSegment(segment))).join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/** `name=value` pairs, both encoded, sorted by name and then by value. */
export function canonicalQuery(search: string): string {
  const pairs = [...new URLSearchParams(search)];
  pairs.sort(([aName, aValue], [bName, bValue]) => compare(aName, bName) || compare(aValue, bValue));
  return pairs.map(([name, value]) => `${encodeRfc3986(name)}=${encodeRfc3986(value)}`).join("&");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function canonicalRequest(
  method: string,
  url: URL,
  signedHeaders: ReadonlyMap<string, string>,
  bodySha256: string,
): string {
  const names = [...signedHeaders.keys()].sort();
  const headerBlock = names.map((name) => `${name}:${signedHeaders.get(name)}\n`).join("");
  return [method.toUpperCase(), canonicalUri(url.pathname), canonicalQuery(url.search), headerBlock, names.join(";"), bodySha256].join("\n");
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? utf8(data) : data;
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

export async function stringToSign(canonical: string, date: string): Promise<string> {
  return `${signingAlgorithm}\n${date}\n${await sha256Hex(canonical)}`;
}

export function requireText(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") throw new TypeError(`${field} must be a non-empty string`);
  return value;
}

export type RequestSigner = (request: SignableRequest, now?: Date) => Promise<Record<string, string>>;

/**
 * Prepares signing with one pair of credentials: the HMAC key is imported once and kept inside WebCrypto, and the
 * secret key is not kept anywhere else.
 */
export function createSigner(credentials: AkSkCredentials, where = "signRequest: credentials"): RequestSigner {
  if (typeof credentials !== "object" || credentials === null) throw new TypeError(`${where} must be { accessKey, secretKey }`);
  const accessKey = requireText(credentials.accessKey, `${where}.accessKey`);
  const secretKey = requireText(credentials.secretKey, `${where}.secretKey`);
  const securityToken =
    credentials.securityToken === undefined ? undefined : requireText(credentials.securityToken, `${where}.securityToken`);
  let key: Promise<CryptoKey> | undefined;

  return async (request, now = new Date(platformClock.now())) => {
    key ??= crypto.subtle.importKey("raw", utf8(secretKey), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const url = new URL(request.url);
    const date = sdkDate(now);
    const headers: Record<string, string> = {};
    const signed = new Map<string, string>();
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      const lower = name.toLowerCase();
      // The date and the token are set below; an Authorization header given in is replaced, never signed.
      if (/^(x-sdk-date|authorization|x-security-token)$/.test(lower)) continue;
      // One entry per name, whatever its capitals: two would be sent joined ("a, b") while only one is signed.
      headers[lower] = value;
      signed.set(lower, value.trim());
    }
    if (!signed.has("host")) signed.set("host", url.host);
    signed.set("x-sdk-date", date);
    headers["X-Sdk-Date"] = date;
    if (securityToken !== undefined) {
      signed.set("x-security-token", securityToken);
      headers["X-Security-Token"] = securityToken;
    }
    const bodySha256 = signed.get("x-sdk-content-sha256") ?? (await sha256Hex(request.body ?? ""));
    const canonical = canonicalRequest(request.method, url, signed, bodySha256);
    const toSign = await stringToSign(canonical, date);
    const signature = hex(await crypto.subtle.sign("HMAC", await key, utf8(toSign)));
    const names = [...signed.keys()].sort().join(";");
    headers["Authorization"] = `${signingAlgorithm} Access=${accessKey}, SignedHeaders=${names}, Signature=${signature}`;
    return headers;
  };
}

/**
 * Signs one request with AK/SK and answers the headers to send: the given ones, with lower-case names, plus
 * `X-Sdk-Date`, `Authorization` and, for temporary credentials, `X-Security-Token`.
 */
export async function signRequest(request: SignableRequest, credentials: AkSkCredentials, now?: Date): Promise<Record<string, string>> {
  return createSigner(credentials)(request, now);
}
