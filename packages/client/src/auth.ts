// Turns the configured credentials into headers for one request. The credentials live only in this closure: no
// property of the client holds them, so logging the client cannot leak them.
import { createSigner, type AkSkCredentials, type SignableRequest } from "./signing.js";

export type PoolsAuth = { token: string } | AkSkCredentials;

export interface Authorizer {
  /** Strings that must never appear in what is thrown. */
  readonly secrets: readonly string[];
  /** The request's headers plus the authentication ones. */
  apply(request: SignableRequest & { headers: Record<string, string> }): Record<string, string> | Promise<Record<string, string>>;
}

export function createAuthorizer(auth: PoolsAuth | undefined, projectId: string): Authorizer {
  if (auth === undefined) return { secrets: [], apply: (request) => request.headers };
  // Both kinds at once would leave it open which one is meant.
  if (typeof auth !== "object" || auth === null || ("token" in auth && ("accessKey" in auth || "secretKey" in auth))) {
    throw new TypeError("createPoolsClient: auth must be either { token } or { accessKey, secretKey }");
  }
  if ("token" in auth) {
    const token = auth.token;
    if (typeof token !== "string" || token === "") throw new TypeError("createPoolsClient: auth.token must be a non-empty string");
    return {
      secrets: [token],
      apply: (request) => {
        request.headers["X-Auth-Token"] = token;
        return request.headers;
      },
    };
  }
  const sign = createSigner(auth, "createPoolsClient: auth");
  return {
    secrets: [auth.secretKey, auth.securityToken ?? ""],
    apply: (request) => {
      // The gateway resolves AK/SK calls to a project through this header, as the official SDKs send it.
      request.headers["X-Project-Id"] = projectId;
      return sign(request);
    },
  };
}
