// CORS for a browser page served from this machine (the docs' "try it", a local app): any port of localhost,
// 127.0.0.1 or [::1]. Other origins get no CORS headers, so a page on the web cannot drive a developer's mock.
import type { ApiDescription } from "@modelarts-pools/spec/operations";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Headers an AK/SK-signing client sends beyond the spec's own parameters (Huawei Cloud API Request Signing Guide).
const SIGNING_HEADERS = ["X-Sdk-Date", "X-Security-Token", "X-Sdk-Content-Sha256", "X-Project-Id"];

function isLocalOrigin(origin: string | undefined): origin is string {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && (LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost"));
  } catch {
    return false;
  }
}

/** The headers a preflight allows: the spec's header parameters and security headers, signing headers, Prefer. */
export function allowedRequestHeaders(api: ApiDescription): string[] {
  const names = new Set<string>(["Content-Type", "Prefer", ...SIGNING_HEADERS]);
  for (const operation of Object.values(api.operations)) {
    for (const parameter of operation.headerParameters) names.add(parameter.name);
  }
  for (const scheme of api.security) if (scheme.in === "header") names.add(scheme.name);
  return [...names];
}

export function corsHeaders(origin: string | undefined): Record<string, string> {
  return isLocalOrigin(origin) ? { "access-control-allow-origin": origin, vary: "Origin" } : { vary: "Origin" };
}

export function preflightHeaders(origin: string | undefined, methods: readonly string[], headers: readonly string[]): Record<string, string> {
  if (!isLocalOrigin(origin)) return { vary: "Origin" };
  return {
    ...corsHeaders(origin),
    "access-control-allow-methods": [...methods, "OPTIONS"].join(", "),
    "access-control-allow-headers": headers.join(", "),
    "access-control-max-age": "600",
  };
}
