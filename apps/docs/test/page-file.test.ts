// What the built page is made of, read from the file: one Redoc bundle, no way out to the network, a size budget.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, forbiddenHosts, makeOffline } from "../src/offline.ts";
import { pagePath } from "../src/paths.ts";

const page = readFileSync(pagePath, "utf8");

/** Measured 2536 KiB when this budget was set; the margin allows a Redoc patch release, not a second bundle. */
const pageBudgetKiB = 2800;

describe("dist/index.html", () => {
  test(`stays within its size budget (${pageBudgetKiB} KiB)`, () => {
    const kib = Buffer.byteLength(page) / 1024;
    console.log(`[docs] page size: ${kib.toFixed(0)} KiB raw`);
    expect(kib).toBeLessThan(pageBudgetKiB);
  });

  test("holds Redoc once: one module script, one copy of its runtime", () => {
    expect(page.match(/<script type="module">/g)).toHaveLength(1);
    expect(page.split("react-jsx-runtime.production").length - 1).toBe(1);
  });

  test("loads no script, stylesheet, font or image from a remote host", () => {
    for (const host of forbiddenHosts) expect(page, host).not.toContain(`//${host}`);
    expect(page).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import\s+url\(["']?https?:/i);
  });

  test("carries a Content-Security-Policy that allows its own script and nothing remote", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toMatch(/https?:/);
    // The hash is of the page's own script as it is now: an edit after the build would make the browser refuse it.
    expect(csp).toBe(contentSecurityPolicy(page));
  });
});

describe("makeOffline", () => {
  test("fails the build when Redoc no longer has the CDN logo it rewrites (so a new CDN request cannot slip in)", () => {
    expect(() => makeOffline("<html><head></head><body></body></html>")).toThrow(/attribution logo .* not found/);
  });

  test("fails the build when the page names a CDN it does not know how to replace", () => {
    const html = `<html><head></head><body><script type="module">"https://cdn.redoc.ly/redoc/logo-mini-full.svg";"https://cdn.redoc.ly/redoc/logo-mini.svg";"https://fonts.googleapis.com/css"</script></body></html>`;
    expect(() => makeOffline(html)).toThrow(/fonts\.googleapis\.com/);
  });
});
