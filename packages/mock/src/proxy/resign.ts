// Authentication through the proxy. A token (X-Auth-Token) is not tied to a host and passes through. An AK/SK
// signature covers the Host it was made for, the mock's, so the upstream would refuse it: the proxy signs the
// request again for the upstream, with the client package's signer and credentials from the environment (the
// official SDKs' HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK / HUAWEICLOUD_SDK_SECURITY_TOKEN).
import { signRequest, type AkSkCredentials } from "@modelarts-pools/client";
import { envVariables } from "@modelarts-pools/client/env";

// The headers a signature is made of; the signer sets them again for the upstream.
const SIGNATURE_HEADERS = new Set(["authorization", "x-sdk-date", "x-security-token"]);

export function isSigned(headers: Record<string, string>): boolean {
  return /^SDK-HMAC-SHA256\s/i.test(headers["authorization"] ?? "");
}

/** The headers to send: the request's own (lower-case names), signed again for `url` over exactly these and `body`. */
export async function resign(credentials: AkSkCredentials, method: string, url: URL, headers: Record<string, string>, body: Buffer): Promise<Record<string, string>> {
  const unsigned = Object.fromEntries(Object.entries(headers).filter(([name]) => !SIGNATURE_HEADERS.has(name)));
  const signed = await signRequest({ method, url: url.href, headers: unsigned, body: new Uint8Array(body) }, credentials);
  // The signer signs Host from the URL without adding it to what it answers; it must go out with that same value.
  return { ...signed, host: url.host };
}

/** What the proxy does with credentials, in one line for the CLI to print when it starts. */
export function authenticationNote(credentials: AkSkCredentials | undefined): string {
  const names = `${envVariables.accessKey}/${envVariables.secretKey}`;
  return credentials
    ? `X-Auth-Token passes through; AK/SK-signed requests are signed again for the upstream with ${names}${credentials.securityToken ? ` and ${envVariables.securityToken}` : ""}`
    : `X-Auth-Token passes through; AK/SK-signed requests are refused (set ${names} to have them signed again for the upstream)`;
}

/** The refusal of an AK/SK request when there is nothing to sign it again with. */
export const noCredentialsProblem = `the proxy cannot sign this AK/SK request again for the upstream: set ${envVariables.accessKey} and ${envVariables.secretKey} where the mock runs, or send an X-Auth-Token`;
