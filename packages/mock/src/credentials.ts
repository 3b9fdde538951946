// The live API refuses a request that carries no credentials. The mock cannot check a token or a signature, but it can
// check that one is there and well formed, so a client that forgets to sign or signs in the wrong shape fails here
// and not first against the live API. It never repeats a credential's value in what it answers.
//
// Where credentials go is the spec's: its security schemes' headers (X-Auth-Token, Authorization), in its order.
// What a signature looks like is the signing algorithm's (Huawei Cloud API Request Signing Guide), which the spec
// describes in prose only: its header, its scheme name and the headers it must sign are written here.
import type { SecuritySchemeDescription } from "@modelarts-pools/spec/operations";
import { single } from "./headers.js";

const SIGNATURE_HEADER = "authorization";
const SIGNATURE = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]{64})$/;
const DATE_HEADER = "x-sdk-date";
const SDK_DATE = /^\d{8}T\d{6}Z$/;
const ALWAYS_SIGNED = ["host", DATE_HEADER];

type Headers = Record<string, string | string[] | undefined>;

/** What is wrong with the request's credentials, or undefined when they are present and well formed. */
export type CredentialsCheck = (headers: Headers) => string | undefined;

export function credentialsCheck(security: readonly SecuritySchemeDescription[]): CredentialsCheck {
  const schemes = security.filter((scheme) => scheme.in === "header");
  // No scheme, nothing to check: a spec without security takes requests without credentials.
  if (schemes.length === 0) return () => undefined;
  const missing = `the request carries no credentials: send ${schemes.map((scheme) => `${scheme.name} (${scheme.scheme})`).join(" or ")}`;
  return (headers) => {
    for (const scheme of schemes) {
      const value = single(headers[scheme.name.toLowerCase()]);
      if (value === undefined || value.trim() === "") continue;
      return scheme.name.toLowerCase() === SIGNATURE_HEADER ? signatureProblem(value, headers) : undefined;
    }
    return missing;
  };
}

function signatureProblem(authorization: string, headers: Headers): string | undefined {
  const signature = SIGNATURE.exec(authorization.trim());
  if (!signature) {
    return "Authorization must be `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<64 hex digits>`";
  }
  const signed = signature[2]!.toLowerCase().split(";");
  for (const required of ALWAYS_SIGNED) {
    if (!signed.includes(required)) return `Authorization SignedHeaders must include ${required}`;
  }
  const date = single(headers[DATE_HEADER]);
  if (date === undefined || !SDK_DATE.test(date)) {
    return "X-Sdk-Date is required with an AK/SK signature, as the UTC time YYYYMMDDTHHMMSSZ";
  }
  return undefined;
}
