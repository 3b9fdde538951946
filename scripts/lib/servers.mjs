// What `npm start` (serve.mjs) and `pnpm dev` (dev.mjs) share: their flags, the mock and the docs started from the
// built packages, and one clean stop on Ctrl-C.
import { parseArgs } from "node:util";

/** Parses the flags both scripts take (plus `extra` options of the caller), refusing a port that is not a port. */
export async function serverFlags(argv, extra = {}) {
  const { DEFAULT_HOST, DEFAULT_PORT } = await import("../../packages/mock/dist/defaults.js");
  const { DEFAULT_DOCS_PORT } = await import("../../apps/docs/dist/serve.js");
  const { values } = parseArgs({
    args: argv,
    options: {
      stateful: { type: "boolean", default: false },
      "mock-port": { type: "string", default: String(DEFAULT_PORT) },
      "docs-port": { type: "string", default: String(DEFAULT_DOCS_PORT) },
      host: { type: "string", default: DEFAULT_HOST },
      ...extra,
    },
  });
  for (const flag of ["mock-port", "docs-port"]) {
    const port = Number(values[flag]);
    if (!/^\d+$/.test(values[flag]) || port > 65535) {
      console.error(`--${flag} must be a port number from 0 to 65535, got ${JSON.stringify(values[flag])}`);
      process.exit(2);
    }
  }
  return values;
}

/** Starts the mock and the docs server; both are stopped, once, on SIGINT or SIGTERM (and `onStop` runs first). */
export async function startServers(values, onStop = () => {}) {
  const { startMock } = await import("../../packages/mock/dist/index.js");
  const { serveDocs } = await import("../../apps/docs/dist/serve.js");
  const mock = await startMock({ port: Number(values["mock-port"]), host: values.host, stateful: values.stateful });
  const docs = await serveDocs({ port: Number(values["docs-port"]), host: values.host });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      onStop();
      await Promise.all([mock.close(), docs.close()]);
      process.exit(0);
    });
  }
  return { mock, docs };
}
