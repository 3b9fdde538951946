// Where the docs are served, and the mock their samples call, unless told otherwise: `npm start` and `pnpm dev` serve
// both there, the build writes the mock's URL into every sample, and serveDocs({ mockUrl }) swaps it for another.
import { DEFAULT_HOST, DEFAULT_PORT } from "@modelarts-pools/mock/defaults";

/** Where `npm start` and `pnpm dev` serve the page. */
export const DEFAULT_DOCS_PORT = 8080;

/** Where `npm start` at the repo root and `npx modelarts-pools-mock` serve the mock by default. */
export const mockUrl = `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;
