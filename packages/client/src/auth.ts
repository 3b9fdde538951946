// Turns the configured credentials into headers for one request. The credentials live only in this closure: no
// property of the client holds them, so logging the client cannot leak them.
import type { Clock } from "./clock.js";
import { tokenHeader } from "./generated/operations.js";
import { keepAll, redactor, type Redact } from "./redact.js";
import { createSigner, requireText, type AkSkCredentials, type SignableRequest } from "./signing.js";

export type PoolsAuth = { token: string } | AkSkCredentials;

export interface Authorizer {
  /** The request's headers (names lower-case, see headers.ts) plus the authentication ones. */
  apply(request: SignableRequest & { headers: Record<string, string> }): Record<string, string> | Promise<Record<string, string>>;
  /**
   * What takes the secrets out of an error about a request sent with `sent` (headers `apply` gave): the token, or
   * the secret key, the security token and that request's signature.
   */
  redactFor(sent?: Record<string, string>): Redact;
}

export function createAuthorizer(auth: PoolsAuth | undefined, projectId: string, clock: Clock): Authorizer {
  if (auth === undefined) return { apply: (request) => request.headers, redactFor: () => keepAll };
  // Both kinds at once would leave it open which one is meant.
  if (typeof auth !== "object" || auth === null || ("token" in auth && ("accessKey" in auth || "secretKey" in auth))) {
    throw new TypeError("createPoolsClient: auth must be either { token } or { accessKey, secretKey }");
  }
  if ("token" in auth) {
    const token = requireText(auth.token, "createPoolsClient: auth.token");
    const redact = redactor([token]);
    return {
      apply: (request) => {
        request.headers[tokenHeader] = token;
        return request.headers;
      },
      redactFor: () => redact,
    };
  }
  const sign = createSigner(auth, "createPoolsClient: auth");
  const { secretKey, securityToken } = auth;
  const redact = redactor([secretKey, securityToken]);
  return {
    apply: (request) => {
      // The gateway resolves AK/SK calls to a project through this header, as the official SDKs send it; a call
      // that gives its own keeps it. Names are lower-case here (headers.ts), so there is only one to look for.
      request.headers["x-project-id"] ??= projectId;
      return sign(request, new Date(clock.now()));
    },
    // The signature is the hex HMAC at the end of the Authorization header the signer wrote (signing.ts).
    redactFor: (sent) => (sent?.["Authorization"] ? redactor([secretKey, securityToken, sent["Authorization"].slice(-64)]) : redact),
  };
}
