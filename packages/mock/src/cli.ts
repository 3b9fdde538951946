// modelarts-pools-mock: serve the mock until Ctrl-C. Prints the URL on its first line of output, so a script can read it.
import { parseArgs } from "node:util";
import { DEFAULT_HOST, DEFAULT_PORT, listeningNotice } from "./defaults.js";
import { DEFAULT_CREATING_MS, DEFAULT_DELETING_MS } from "./pool-lifecycle.js";
import { parseLatency } from "./faults.js";
import { proxyReporting, PROXY_FLAGS, PROXY_USAGE } from "./proxy/cli-options.js";

const USAGE = `Usage: modelarts-pools-mock [--port ${DEFAULT_PORT}] [--host ${DEFAULT_HOST}] [--stateful [--creating-ms <n>] [--deleting-ms <n>] [--state <file>]] [--dynamic]
                            [--latency <ms>|<min>-<max>] [--fault-rate <0..1>] [--seed <s>] [--verify-signatures]
       modelarts-pools-mock --proxy <upstream URL> [--proxy-strict] [--report <file>] [--upstream-timeout-ms <n>]

Serves the ModelArts resource-pool API from its OpenAPI description, with every operation the spec has.
  --port <n>    port to listen on; 0 picks a free one (default ${DEFAULT_PORT})
  --host <addr> interface to listen on (default ${DEFAULT_HOST}, this machine only)
  --stateful    keep created pools in memory per project and answer from them
  --creating-ms <n>  with --stateful: milliseconds a created pool takes to be Running (default ${DEFAULT_CREATING_MS})
  --deleting-ms <n>  with --stateful: milliseconds a deleted pool stays Deleting before it is gone (default ${DEFAULT_DELETING_MS})
  --state <file>     with --stateful: keep the pools in <file>, read back at start (a restart loses nothing answered)
  --dynamic     answer with data generated from the response schemas instead of the examples
  --latency <ms>     every answer waits <ms>, or a time drawn from <min>-<max> (Prefer: delay=<ms> for one request)
  --fault-rate <r>   answer that share (0 to 1) of the requests with a 503 or 429 (Retry-After: 1) or a reset
  --seed <s>    make the generated answers, faults and latencies repeatable
  --verify-signatures  check AK/SK signatures as the API gateway does, against HUAWEICLOUD_SDK_AK/SK of the environment
${PROXY_USAGE}
  --help        print this text`;

function fail(message: string): never {
  process.stderr.write(`modelarts-pools-mock: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

// `pnpm mock -- --stateful` hands its `--` on to the script (npm drops it): here it separates nothing.
const args = process.argv.slice(2);
if (args[0] === "--") args.shift();

const OPTIONS = {
  port: { type: "string", default: String(DEFAULT_PORT) },
  host: { type: "string", default: DEFAULT_HOST },
  stateful: { type: "boolean", default: false },
  "creating-ms": { type: "string" },
  "deleting-ms": { type: "string" },
  dynamic: { type: "boolean", default: false },
  seed: { type: "string" },
  state: { type: "string" },
  latency: { type: "string" },
  "fault-rate": { type: "string" },
  "verify-signatures": { type: "boolean", default: false },
  ...PROXY_FLAGS,
  help: { type: "boolean", default: false },
} as const;

// parseArgs reads `--creating-ms -5` as a flag with no value followed by a short option ("argument is ambiguous"),
// while `--creating-ms=-5` is the value -5: joined here, a negative number gets the flag's own message either way.
const valueFlags = new Set(Object.entries(OPTIONS).flatMap(([name, option]) => (option.type === "string" ? [`--${name}`] : [])));
const joined: string[] = [];
for (let index = 0; index < args.length; index++) {
  const [arg, next] = [args[index]!, args[index + 1]];
  joined.push(valueFlags.has(arg) && next !== undefined && /^-\d/.test(next) ? `${arg}=${args[++index]}` : arg);
}

let values;
try {
  ({ values } = parseArgs({ args: joined, options: OPTIONS, strict: true }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65_535) fail(`--port must be an integer from 0 to 65535, not ${values.port}`);

/** A lifecycle duration flag: a whole number of milliseconds, for stateful mode only. */
function duration(flag: string, value: string | undefined, stateful: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!stateful) fail(`--${flag} applies to stateful mode only; add --stateful`);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) fail(`--${flag} must be a whole number of milliseconds from 0 up, not ${value}`);
  return Number(value);
}
const creatingMs = duration("creating-ms", values["creating-ms"], values.stateful);
const deletingMs = duration("deleting-ms", values["deleting-ms"], values.stateful);

if (values.seed !== undefined && values.seed.trim() === "") fail("--seed must not be empty");
if (values.state !== undefined && !values.stateful) fail("--state keeps stateful mode's pools; add --stateful");
if (values.state !== undefined && values.state.trim() === "") fail("--state must name a file");
const latency = values.latency === undefined ? undefined : parseLatency(values.latency);
if (typeof latency === "string") fail(latency);
const faultRate = values["fault-rate"] === undefined ? undefined : Number(values["fault-rate"]);
if (faultRate !== undefined && (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(values["fault-rate"]!) || !(faultRate >= 0 && faultRate <= 1))) {
  fail(`--fault-rate must be a number from 0 to 1, not ${values["fault-rate"]}`);
}
let proxy;
try {
  proxy = await proxyReporting(values);
} catch (error) {
  fail((error as Error).message);
}

try {
  // Loaded only once the flags are good (it loads Prism, which takes a while), so a mistake is told at once.
  const { startMock } = await import("./server.js");
  const generated = { dynamic: values.dynamic, ...(values.seed === undefined ? {} : { seed: values.seed }) };
  const lifecycle = { ...(creatingMs === undefined ? {} : { creatingMs }), ...(deletingMs === undefined ? {} : { deletingMs }) };
  const testDouble = {
    ...(values.state === undefined ? {} : { stateFile: values.state }),
    ...(latency === undefined ? {} : { latency }),
    ...(faultRate === undefined ? {} : { faultRate }),
    ...(values["verify-signatures"] ? { verifySignatures: true } : {}),
  };
  const mock = await startMock({ port, host: values.host, stateful: values.stateful, ...lifecycle, ...generated, ...testDouble, ...proxy?.options });
  const extras = [values.dynamic && "dynamic answers", values.state && `state in ${values.state}`, latency !== undefined && `latency ${values.latency} ms`, faultRate && `fault rate ${faultRate}`, values["verify-signatures"] && "signatures verified"].filter(Boolean);
  const mode = proxy?.mode ?? `${values.stateful ? "stateful" : "examples"} mode${extras.map((extra) => `, ${extra}`).join("")}`;
  process.stdout.write(`${mock.url}\nModelArts pools mock (${mode}) listening; Ctrl-C stops it.\n${proxy ? `${proxy.note}\n` : ""}`);
  const { warning } = listeningNotice({ host: values.host, port: Number(new URL(mock.url).port), serves: "the mock", mock: true });
  if (warning) process.stderr.write(`${warning}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The report is closed last, after the mock, which might still find a violation while it stops.
    mock.close().then(() => proxy?.close()).then(
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
