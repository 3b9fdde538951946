// The CLI's proxy flags: checked, turned into startMock's options, and wired to the output and the --report file.
import { credentialsFromEnv } from "@modelarts-pools/client/env";
import type { ProxyOptions } from "./options.js";
import { ndjsonReport, violationLine } from "./report.js";
import { authenticationNote } from "./resign.js";
import { parseUpstream } from "./upstream.js";

export const PROXY_FLAGS = {
  proxy: { type: "string" },
  "proxy-strict": { type: "boolean", default: false },
  report: { type: "string" },
  "upstream-timeout-ms": { type: "string" },
} as const;

export const PROXY_USAGE = `  --proxy <url> forward every request to this API (e.g. https://modelarts.cn-north-4.myhuaweicloud.com) and
                print each place where a request or an answer departs from the spec
  --proxy-strict            answer an invalid request with the mock's 400 instead of forwarding it
  --report <file>           also write each violation to <file>, one JSON object per line
  --upstream-timeout-ms <n> longest wait for the upstream's answer (default 30000), then 504`;

interface Flags {
  stateful: boolean;
  dynamic: boolean;
  proxy?: string | undefined;
  "proxy-strict": boolean;
  report?: string | undefined;
  "upstream-timeout-ms"?: string | undefined;
}

export interface ProxyReporting {
  options: ProxyOptions;
  /** `proxy to https://…`, for the line that says the mock is listening. */
  mode: string;
  /** What happens to credentials, for the line after it. */
  note: string;
  close(): Promise<void>;
}

/** Undefined without --proxy; throws a message naming the flag when the flags do not go together. */
export async function proxyReporting(flags: Flags): Promise<ProxyReporting | undefined> {
  if (flags.proxy === undefined) {
    const orphan = (["proxy-strict", "report", "upstream-timeout-ms"] as const).find((name) => flags[name] !== undefined && flags[name] !== false);
    if (orphan) throw new Error(`--${orphan} needs --proxy <upstream URL>`);
    return undefined;
  }
  if (flags.stateful || flags.dynamic) throw new Error("--proxy forwards every request to the upstream: it does not go with --stateful or --dynamic");
  const upstream = parseUpstream(flags.proxy);
  const timeout = flags["upstream-timeout-ms"];
  if (timeout !== undefined && (!/^\d+$/.test(timeout) || Number(timeout) === 0)) throw new Error(`--upstream-timeout-ms must be a whole number of milliseconds > 0, not ${timeout}`);
  const credentials = credentialsFromEnv(process.env);
  const report = flags.report === undefined ? undefined : await openReport(flags.report);
  return {
    options: {
      proxy: flags.proxy,
      proxyStrict: flags["proxy-strict"],
      ...(timeout === undefined ? {} : { upstreamTimeoutMs: Number(timeout) }),
      env: process.env,
      onViolation: (violation) => {
        process.stdout.write(`${violationLine(violation)}\n`);
        report?.write(violation);
      },
    },
    mode: `proxy to ${upstream.href.replace(/\/$/, "")}${flags["proxy-strict"] ? ", strict" : ""}`,
    note: authenticationNote(credentials),
    close: async () => report?.close(),
  };
}

async function openReport(path: string) {
  try {
    return await ndjsonReport(path);
  } catch (error) {
    throw new Error(`--report: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
