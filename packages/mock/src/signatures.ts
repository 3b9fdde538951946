// --verify-signatures: AK/SK-signed requests checked as the API gateway checks them (the client's verifySignature,
// which builds the same canonical request the signer does), against the key pairs the mock was given. Without it the
// mock checks only that a signature is well formed (credentials.ts), so a client that swapped its keys passes; with
// it, that client gets the gateway's 401 APIGW.0301, whose message says which check failed and never a secret.
import type { IncomingHttpHeaders } from "node:http";
import { credentialsFromEnv, type Environment } from "@modelarts-pools/client/env";
import { verifySignature } from "@modelarts-pools/client/verify";
import type { Answer } from "./answer.js";
import type { Clock } from "./clock.js";

/** Access key → secret key. */
export type KeyPairs = Readonly<Record<string, string>>;

/** What the mock is told to verify with: the environment's pair (HUAWEICLOUD_SDK_AK/SK), or the pairs given. */
export type VerifySignaturesOption = boolean | KeyPairs;

/** The gateway's answer to a request it does not authenticate. */
const GATEWAY_UNAUTHORIZED = { status: 401, errorCode: "APIGW.0301" } as const;

export type SignatureVerifier = (request: { method: string; target: string; headers: IncomingHttpHeaders; bytes: Buffer }) => Promise<Answer | undefined>;

/** The key pairs to verify with, or a message naming what is missing. */
export function keyPairsOf(option: VerifySignaturesOption, env: Environment): KeyPairs {
  if (option === false) return {};
  if (option === true) {
    const pair = credentialsFromEnv(env);
    if (!pair) throw new Error("verifySignatures: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK in the mock's environment, or pass the key pairs ({ [accessKey]: secretKey })");
    return { [pair.accessKey]: pair.secretKey };
  }
  const pairs = Object.entries(option ?? {});
  if (pairs.length === 0 || pairs.some(([accessKey, secretKey]) => accessKey === "" || typeof secretKey !== "string" || secretKey === "")) {
    throw new TypeError("verifySignatures must be true (the environment's key pair) or { [accessKey]: secretKey } with at least one pair, none empty");
  }
  return option;
}

/**
 * Answers the gateway's 401 to a signed request that does not verify; undefined for one that does, or that is not
 * signed (a token request: the mock cannot check a token, and credentials.ts has checked one is there).
 */
export function signatureVerifier(keys: KeyPairs, clock: Clock): SignatureVerifier {
  return async ({ method, target, headers, bytes }) => {
    const authorization = headers["authorization"];
    if (authorization === undefined || authorization === "") return undefined;
    const flat = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]));
    const url = `http://${flat["host"] ?? "localhost"}${target}`;
    const check = await verifySignature({ method, url, headers: flat, body: bytes }, (accessKey) => (Object.hasOwn(keys, accessKey) ? keys[accessKey] : undefined), clock.now());
    if (check.ok) return undefined;
    return { status: GATEWAY_UNAUTHORIZED.status, body: { error_code: GATEWAY_UNAUTHORIZED.errorCode, error_msg: check.message }, mediaType: "application/json" };
  };
}
