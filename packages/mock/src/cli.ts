// modelarts-pools-mock: serve the mock until Ctrl-C. Prints the URL on its first line of output, so a script can read it.
import { parseArgs } from "node:util";
import { DEFAULT_HOST, DEFAULT_PORT, listeningNotice } from "./defaults.js";

const USAGE = `Usage: modelarts-pools-mock [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--stateful]

Serves the ModelArts resource-pool API (createPool, updatePool) from its OpenAPI description.
  --port <n>    port to listen on; 0 picks a free one (default ${DEFAULT_PORT})
  --host <addr> interface to listen on (default ${DEFAULT_HOST}, this machine only)
  --stateful    keep created pools in memory per project and answer from them
  --help        print this text`;

function fail(message: string): never {
  process.stderr.write(`modelarts-pools-mock: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

// `pnpm mock -- --stateful` hands its `--` on to the script (npm drops it): here it separates nothing.
const args = process.argv.slice(2);
if (args[0] === "--") args.shift();

let values;
try {
  ({ values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: String(DEFAULT_PORT) },
      host: { type: "string", default: DEFAULT_HOST },
      stateful: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65_535) fail(`--port must be an integer from 0 to 65535, not ${values.port}`);

try {
  // Loaded once the flags are good: Prism takes a while to load, and a mistyped flag should not wait for it.
  const { startMock } = await import("./server.js");
  const mock = await startMock({ port, host: values.host, stateful: values.stateful });
  const { warning } = listeningNotice({ host: values.host, port: Number(new URL(mock.url).port), serves: "the mock", mock: true });
  process.stdout.write(`${mock.url}\nModelArts pools mock (${values.stateful ? "stateful" : "examples"} mode) listening; Ctrl-C stops it.\n`);
  if (warning) process.stderr.write(`${warning}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "EADDRINUSE") fail(`port ${port} on ${values.host} is in use; pass --port 0 for any free port`);
  fail(message);
}
