// `redocly build-docs --inlineBundle` embeds Redoc but still leaves requests to Redocly's CDN in the page (the
// "API docs by" logo). This pass removes them, then pins the page with a Content-Security-Policy so that anything
// a later Redoc version adds is refused by the browser, not fetched — and the browser test fails on it.
import { createHash } from "node:crypto";

/** Our own small wordmark for the attribution, so the page shows it without fetching anything. */
const attributionLogo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="16" viewBox="0 0 64 16">' +
    '<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">Redocly</text></svg>',
)}`;

interface Rewrite {
  find: string;
  replaceWith: string;
  why: string;
}

const rewrites: Rewrite[] = [
  { find: "https://cdn.redoc.ly/redoc/logo-mini-full.svg", replaceWith: attributionLogo, why: "attribution logo (full)" },
  { find: "https://cdn.redoc.ly/redoc/logo-mini.svg", replaceWith: attributionLogo, why: "attribution logo (mini)" },
];

/**
 * Hosts the page must never name once the rewrites ran. Redoc's bundle also names cdn.redocly.com (icon packs for
 * features this page does not use) and Redocly's telemetry collector (off: redocly.yaml); the CSP refuses both.
 */
export const forbiddenHosts = ["cdn.redoc.ly", "fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net"];

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc=/i.test(attributes ?? ""))
    .map(([, , body]) => body ?? "");
}

export function contentSecurityPolicy(html: string): string {
  const hashes = inlineScripts(html).map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  return [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    // Redoc's styles are styled-components: server-rendered <style> tags and style attributes.
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export function makeOffline(html: string): string {
  let page = html;
  for (const { find, replaceWith, why } of rewrites) {
    // A Redoc upgrade that moves these URLs must fail the build, not silently bring the CDN back.
    if (!page.includes(find)) throw new Error(`offline: ${why} (${find}) not found in the page; update src/offline.ts`);
    page = page.replaceAll(find, replaceWith);
  }
  for (const host of forbiddenHosts) {
    if (page.includes(`//${host}`)) throw new Error(`offline: the page still refers to ${host}; add a rewrite in src/offline.ts`);
  }
  if (/<(script|link)\b[^>]*\b(src|href)=["']?https?:/i.test(page)) {
    throw new Error("offline: the page still loads a script or stylesheet from the network");
  }
  const csp = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}" />`;
  if (!/<head>/i.test(page)) throw new Error("offline: the page has no <head> to carry its Content-Security-Policy");
  // An empty inline icon keeps browsers from asking the server for /favicon.ico.
  return page.replace(/<head>/i, `<head>\n  ${csp}\n  <link rel="icon" href="data:," />`);
}
