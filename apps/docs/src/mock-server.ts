// How the docs present the local mock (@modelarts-pools/mock): as a server beside the regional endpoint, with the
// two ways to start it. The curl samples call this URL, and their test swaps only its host:port for a live mock's.

import { DEFAULT_HOST } from "@modelarts-pools/mock/defaults";
import { DEFAULT_DOCS_PORT, mockUrl } from "./defaults.js";

export const mockServer = {
  url: mockUrl,
  description: "Local mock (@modelarts-pools/mock; start it with npm start at the repo root, or npx modelarts-pools-mock)",
};

export function mockHowTo(tokenHeader: string, tokenVariable: string): string {
  return `
## Try it against the local mock

\`@modelarts-pools/mock\` answers every operation below like the live API, from this description's own examples,
at ${mockUrl}. Start it with either command:

- \`npm start\` at the root of the modelarts-pools repository: serves the mock on ${mockUrl} and this page on
  http://${DEFAULT_HOST}:${DEFAULT_DOCS_PORT};
- \`npx modelarts-pools-mock\` anywhere \`@modelarts-pools/mock\` is installed (\`--port\` picks another port,
  \`--stateful\` keeps the pools you create instead of answering examples).

Every operation below has a curl sample that calls the mock as it stands, and a TypeScript sample using
\`@modelarts-pools/client\` (set \`endpoint\` to ${mockUrl} to call the mock instead of the regional endpoint).
The mock checks that the \`${tokenHeader}\` header is present, not what it holds: any value will do.

The mock answers with the spec's examples; a \`Prefer\` header picks another answer: \`Prefer: code=404\` the
operation's 404, \`Prefer: example=poolNotFound\` a named example, \`Prefer: dynamic=true\` one generated from the
schema; with \`--stateful\`, \`Prefer: phase=CreationFailed\` on a create makes the pool fail. For testing a
client: \`Prefer: delay=500\` holds the answer, \`Prefer: fault=503\` (or \`429\`, \`reset\`, \`timeout\`) fails it.

Every sample reads the token from the \`${tokenVariable}\` environment variable, so set it once before the first one:

\`\`\`sh
export ${tokenVariable}=any-token-for-the-mock
\`\`\`
`;
}
