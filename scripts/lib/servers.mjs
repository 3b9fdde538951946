// What `npm start` (run.mjs, then serve.mjs) and `pnpm dev` (dev.mjs) share: their flags, the mock and the docs
// started from the built packages, what they print about where they listen, and one clean stop on SIGINT or SIGTERM.
// Node built-ins only at the top: run.mjs checks the flags with this file before anything is installed or built.
import { readFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const serverOptions = {
  stateful: { type: "boolean" },
  "mock-port": { type: "string" },
  "docs-port": { type: "string" },
  host: { type: "string" },
};

/** The usage line of a script that takes the server flags (plus `extra`, e.g. dev's --no-initial-build). */
export function serverUsage(command, extra = "") {
  return `usage: ${command} [--stateful] [--mock-port N] [--docs-port N] [--host H]${extra}
  --stateful      the mock keeps created pools in memory (default: it answers the spec's examples)
  --mock-port N   the mock's port (default 4010); 0 picks a free one
  --docs-port N   the docs' port (default 8080); 0 picks a free one
  --host H        interface both listen on (default 127.0.0.1, this machine only)`;
}

/**
 * Checks the flags without loading anything: an unknown flag, a missing value or a port that is not a port gets one
 * line and the usage, and exit code 2. Unset flags stay undefined (their defaults live in the built packages).
 */
export function parseServerFlags(argv, { command, usage = command, extra = {}, extraUsage = "" }) {
  const fail = (message) => {
    process.stderr.write(`${command}: ${message}\n${serverUsage(usage, extraUsage)}\n`);
    process.exit(2);
  };
  // `pnpm start -- --stateful` hands its `--` on to the script (npm drops it): here it separates nothing.
  const given = argv[0] === "--" ? argv.slice(1) : argv;
  // parseArgs reads `--mock-port -5` as a flag without its value and a short option ("argument is ambiguous"), but
  // `--mock-port=-5` as the value -5: joined here, a negative number gets the flag's own message however it is written.
  const valueFlags = new Set(Object.entries({ ...serverOptions, ...extra }).flatMap(([name, option]) => (option.type === "string" ? [`--${name}`] : [])));
  const args = [];
  for (let index = 0; index < given.length; index++) {
    const [arg, next] = [given[index], given[index + 1]];
    args.push(valueFlags.has(arg) && next !== undefined && /^-\d/.test(next) ? `${arg}=${given[++index]}` : arg);
  }
  let values;
  try {
    ({ values } = parseArgs({ args, options: { ...serverOptions, ...extra }, strict: true }));
  } catch (error) {
    const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
    const positional = /^Unexpected argument '([^']+)'/.exec(error.message)?.[1];
    const squash = (flag) => flag.replace(/[^a-z]/gi, "").toLowerCase();
    const meant = unknown && Object.keys({ ...serverOptions, ...extra }).find((flag) => squash(flag) === squash(unknown));
    if (unknown) fail(`unknown flag ${unknown}${meant ? ` (did you mean --${meant}?)` : ""}`);
    fail(positional ? `unexpected argument ${positional}` : error.message.split("\n")[0]);
  }
  for (const flag of ["mock-port", "docs-port"]) {
    const value = values[flag];
    if (value !== undefined && (!/^\d+$/.test(value) || Number(value) > 65535)) {
      fail(`--${flag} must be a port number from 0 to 65535, got ${JSON.stringify(value)}`);
    }
  }
  return values;
}

/**
 * The defaults as the sources write them (`export const DEFAULT_PORT = 4010;`), for run.mjs to check the ports
 * before anything is installed or built; scripts/test/server-defaults.test.ts holds them to the built packages' values.
 */
export function defaultsFromSources() {
  const read = (file, name) => {
    const text = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), "utf8");
    const value = new RegExp(`export const ${name} = ("?)([^";]+)\\1;`).exec(text)?.[2];
    if (value === undefined) throw new Error(`${file} no longer says \`export const ${name} = …;\``);
    return value;
  };
  return {
    mockPort: Number(read("packages/mock/src/defaults.ts", "DEFAULT_PORT")),
    docsPort: Number(read("apps/docs/src/defaults.ts", "DEFAULT_DOCS_PORT")),
    host: read("packages/mock/src/defaults.ts", "DEFAULT_HOST"),
  };
}

/**
 * Exits 1 with the one line a busy port gets when the servers start (listenOr, below), if the mock's or the docs'
 * port is taken now: `npm start` says so before it installs and builds for a minute. Port 0 is always free.
 */
export async function checkPortsFree(values) {
  const defaults = defaultsFromSources();
  const host = values.host ?? defaults.host;
  const wanted = [
    { port: Number(values["mock-port"] ?? defaults.mockPort), flag: "--mock-port" },
    { port: Number(values["docs-port"] ?? defaults.docsPort), flag: "--docs-port" },
  ];
  for (const { port, flag } of wanted) {
    if (port === 0) continue;
    const code = await new Promise((resolve) => {
      const server = createNetServer();
      server.once("error", (error) => resolve(error.code));
      server.listen(port, host, () => server.close(() => resolve(undefined)));
    });
    if (code === "EADDRINUSE" || code === "EACCES") {
      process.stderr.write(`port ${port} on ${host} ${code === "EADDRINUSE" ? "is in use" : "is not allowed"}: pass ${flag} N to choose another (0 picks a free one)\n`);
      process.exit(1);
    }
  }
}

/** Built packages' defaults for what the flags left unset. */
async function withDefaults(values) {
  const { DEFAULT_HOST, DEFAULT_PORT } = await import("../../packages/mock/dist/defaults.js");
  const { DEFAULT_DOCS_PORT } = await import("../../apps/docs/dist/serve.js");
  return {
    stateful: values.stateful ?? false,
    mockPort: Number(values["mock-port"] ?? DEFAULT_PORT),
    docsPort: Number(values["docs-port"] ?? DEFAULT_DOCS_PORT),
    host: values.host ?? DEFAULT_HOST,
  };
}

/** Listens, or exits 1 with one line naming the port and the flag that moves it (no stack for a busy port). */
async function listenOr(start, { port, host, flag }, cleanUp) {
  try {
    return await start();
  } catch (error) {
    if (error?.code !== "EADDRINUSE" && error?.code !== "EACCES") throw error;
    await cleanUp();
    const why = error.code === "EADDRINUSE" ? "is in use" : "is not allowed";
    process.stderr.write(`port ${port} on ${host} ${why}: pass ${flag} N to choose another (0 picks a free one)\n`);
    process.exit(1);
  }
}

/**
 * Starts the mock and the docs server and prints, once, a warning when they listen beyond this machine. Both are
 * stopped, once, on SIGINT or SIGTERM (after `onStop`, awaited), and the process exits only when both have closed.
 */
export async function startServers(flags, onStop = () => {}) {
  const options = await withDefaults(flags);
  const { startMock } = await import("../../packages/mock/dist/index.js");
  const { listeningNotice } = await import("../../packages/mock/dist/defaults.js");
  const { serveDocs } = await import("../../apps/docs/dist/serve.js");
  const { host } = options;
  const mock = await listenOr(() => startMock({ port: options.mockPort, host, stateful: options.stateful }), { port: options.mockPort, host, flag: "--mock-port" }, () => {});
  // The page's samples call the mock where it really listens (--mock-port, --host), not where the build said.
  const docs = await listenOr(() => serveDocs({ port: options.docsPort, host, mockUrl: mock.url }), { port: options.docsPort, host, flag: "--docs-port" }, () => mock.close());
  const { warning } = listeningNotice({ host, port: Number(new URL(mock.url).port), serves: "the mock and the docs", mock: true });
  if (warning) process.stderr.write(`${warning}\n`);
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, async () => {
      if (stopping) return;
      stopping = true;
      await onStop();
      await Promise.all([mock.close(), docs.close()]);
      process.exit(0);
    });
  }
  return { mock, docs, stateful: options.stateful };
}
