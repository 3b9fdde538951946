// Turns the configured credentials into headers for one request. The credentials live only in this closure: no
// property of the client holds them, so logging the client cannot leak them.
import type { Clock } from "./clock.js";
import { tokenHeader } from "./generated/operations.js";
import { createSigner, requireText, type AkSkCredentials, type SignableRequest } from "./signing.js";

export type PoolsAuth = { token: string } | AkSkCredentials;

export interface Authorizer {
  /** Strings that must never appear in what is thrown. */
  readonly secrets: readonly string[];
  /** The request's headers (names lower-case, see headers.ts) plus the authentication ones. */
  apply(request: SignableRequest & { headers: Record<string, string> }): Record<string, string> | Promise<Record<string, string>>;
}

export function createAuthorizer(auth: PoolsAuth | undefined, projectId: string, clock: Clock): Authorizer {
  if (auth === undefined) return { secrets: [], apply: (request) => request.headers };
  // Both kinds at once would leave it open which one is meant.
  if (typeof auth !== "object" || auth === null || ("token" in auth && ("accessKey" in auth || "secretKey" in auth))) {
    throw new TypeError("createPoolsClient: auth must be either { token } or { accessKey, secretKey }");
  }
  if ("token" in auth) {
    const token = requireText(auth.token, "createPoolsClient: auth.token");
    return {
      secrets: [token],
      apply: (request) => {
        request.headers[tokenHeader] = token;
        return request.headers;
      },
    };
  }
  const sign = createSigner(auth, "createPoolsClient: auth");
  return {
    secrets: [auth.secretKey, auth.securityToken ?? ""],
    apply: (request) => {
      // The gateway resolves AK/SK calls to a project through this header, as the official SDKs send it; a call
      // that gives its own keeps it. Names are lower-case here (headers.ts), so there is only one to look for.
      request.headers["x-project-id"] ??= projectId;
      return sign(request, new Date(clock.now()));
    },
  };
}
