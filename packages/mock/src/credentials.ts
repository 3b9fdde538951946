// The live API refuses a request that carries no credentials. The mock cannot check a token or a signature, but it can
// check that one is there and well formed, so a client that forgets to sign or signs in the wrong shape fails here
// and not first against the live API. It never repeats a credential's value in what it answers.
import { single } from "./headers.js";

const SIGNATURE = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/;
const SDK_DATE = /^\d{8}T\d{6}Z$/;

type Headers = Record<string, string | string[] | undefined>;

/** What is wrong with the request's credentials, or undefined when they are present and well formed. */
export function credentialsProblem(headers: Headers): string | undefined {
  const token = single(headers["x-auth-token"]);
  if (token !== undefined && token.trim() !== "") return undefined;
  const authorization = single(headers["authorization"]);
  if (authorization === undefined || authorization.trim() === "") {
    return "the request carries no credentials: send an IAM token in X-Auth-Token or an AK/SK signature in Authorization";
  }
  const signature = SIGNATURE.exec(authorization.trim());
  if (!signature) {
    return "Authorization must be `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<64 hex digits>`";
  }
  const signed = signature[2]!.toLowerCase().split(";");
  for (const required of ["host", "x-sdk-date"]) {
    if (!signed.includes(required)) return `Authorization SignedHeaders must include ${required}`;
  }
  const date = single(headers["x-sdk-date"]);
  if (date === undefined || !SDK_DATE.test(date)) {
    return "X-Sdk-Date is required with an AK/SK signature, as the UTC time YYYYMMDDTHHMMSSZ";
  }
  return undefined;
}
