// The options of proxy mode, as startMock takes them, checked and turned into the proxy's settings.
import { credentialsFromEnv, type Environment } from "@modelarts-pools/client/env";
import type { ProxySettings } from "./forward.js";
import { parseUpstream } from "./upstream.js";
import { violationLine } from "./report.js";
import type { Violation } from "./violations.js";

export interface ProxyOptions {
  /**
   * Proxy mode: the base URL of the API to forward every request to (e.g. `https://modelarts.cn-north-4.myhuaweicloud.com`).
   * Its answers come back unchanged; departures from the spec, both ways, go to `onViolation`.
   */
  proxy?: string;
  /** Proxy mode: told about each departure from the spec, one at a time. Default: one line each on stderr. */
  onViolation?: (violation: Violation) => void;
  /** Proxy mode: answer an invalid request as the mock does (400) instead of forwarding it. Default false. */
  proxyStrict?: boolean;
  /** Proxy mode: longest wait for the upstream's whole answer, in ms (default 30 000); then the caller gets 504. */
  upstreamTimeoutMs?: number;
  /** Proxy mode: where the AK/SK for signing requests again come from (HUAWEICLOUD_SDK_AK, …). Default process.env. */
  env?: Environment;
}

const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;

export function proxySettings(options: ProxyOptions & { proxy: string }): ProxySettings {
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`proxy: upstreamTimeoutMs must be a number of milliseconds > 0, not ${String(timeoutMs)}`);
  }
  return {
    upstream: parseUpstream(options.proxy),
    strict: options.proxyStrict ?? false,
    timeoutMs,
    credentials: credentialsFromEnv(options.env ?? process.env),
    onViolation: options.onViolation ?? ((violation) => process.stderr.write(`${violationLine(violation)}\n`)),
  };
}
