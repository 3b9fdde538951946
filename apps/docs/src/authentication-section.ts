// The overview's Authentication section: the two ways the API takes credentials (an IAM token, or an AK/SK signature)
// as the spec's security schemes name their headers, and where @modelarts-pools/client reads them from the
// environment (the variable names are the client's own, imported, so the page never drifts from the code).
import { envVariables } from "@modelarts-pools/client/env";
import { tokenVariable, type SampleContext } from "./code-samples.js";

export const authenticationHeading = "Authentication";

export function authenticationSection(context: SampleContext): string {
  return `
## ${authenticationHeading}

Every call carries credentials, one of two kinds:

- an **IAM token**, in the \`${context.tokenHeader}\` header (the samples read it from \`$${tokenVariable}\`);
- an **AK/SK signature**: the request signed with an access key and a secret key (\`SDK-HMAC-SHA256\`, the Huawei
  Cloud API Request Signing Guide), in \`Authorization\` with \`X-Sdk-Date\`. \`@modelarts-pools/client\` signs every
  call given \`auth: { accessKey, secretKey }\` (and \`securityToken\` for temporary credentials).

\`clientOptionsFromEnv()\` of \`@modelarts-pools/client/env\` reads them as the official Huawei Cloud SDKs do:
\`${envVariables.accessKey}\` and \`${envVariables.secretKey}\` (the AK/SK pair), \`${envVariables.securityToken}\`
(temporary credentials), \`${envVariables.projectId}\` and \`${envVariables.region}\`.

The local mock takes any token, and checks that a signature is well formed; started with \`--verify-signatures\` it
verifies AK/SK signatures as the API gateway does, against \`${envVariables.accessKey}\`/\`${envVariables.secretKey}\` of
its environment.
`;
}
