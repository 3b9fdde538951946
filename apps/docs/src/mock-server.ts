// How the docs present the local mock (@modelarts-pools/mock): as a server beside the regional endpoint, with the
// two ways to start it. The curl samples call this URL, and their test swaps only its host:port for a live mock's.

import { DEFAULT_HOST, DEFAULT_PORT } from "@modelarts-pools/mock/defaults";
import { DEFAULT_DOCS_PORT } from "./serve.js";

/** Where `npm start` at the repo root and `npx modelarts-pools-mock` serve the mock by default. */
export const mockUrl = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;

export const mockServer = {
  url: mockUrl,
  description: "Local mock (@modelarts-pools/mock; start it with npm start at the repo root, or npx modelarts-pools-mock)",
};

export function mockHowTo(tokenHeader: string): string {
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
`;
}
