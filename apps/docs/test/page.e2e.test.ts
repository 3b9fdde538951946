// The page in a real Chromium: every operation with its fields, error codes and code samples; a search that finds
// a field; not one request leaving the page; not one console error. It also reports the page's size and its time to
// first render (reported, not asserted: sizes are asserted in page-file.test.ts), and saves screenshots for a person
// to look at (test-results/). Three kinds of tab, each test going to what it reads itself so that it passes alone and
// in any order: one for the tests that only read, search or open an overview section; one for the tour of the whole
// page; one per operation for its tests. One tab for all was tried, and a dropdown one test left open made another's
// pick of a sample fail in a shuffled run.
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inline } from "@modelarts-pools/spec/openapi";
import type { Locator, Page, Request, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mockUrl } from "../src/defaults.ts";
import { sampleContext } from "../src/code-samples.ts";
import { clientErrors, errorsHeading } from "../src/errors-section.ts";
import { lifecycleHeading, lifecycleSample } from "../src/lifecycle.ts";
import { type DocumentedOperation, documentedApi, documentedOperations, infoOf, serversOf } from "../src/openapi.ts";
import { pagePath } from "../src/paths.ts";
import { type DocsServer, serveDocs } from "../src/serve.ts";
import { type Chromium, launchChromium } from "./support/chromium.ts";
import { errorCodesOf, loadDecoratedSpec, parameterNames, requestFields } from "./support/spec.ts";

const spec = loadDecoratedSpec();
const operations = documentedOperations(spec);
const resultsDir = fileURLToPath(new URL("../test-results/", import.meta.url));

let docs: DocsServer;
let browser: Chromium;

/** A tab of the docs page that records every request leaving its origin and every console error. */
interface DocsTab {
  page: Page;
  /** The page's own response. */
  response: Response | null;
  outbound: string[];
  consoleErrors: string[];
  /** When Redoc was interactive, in ms from the navigation's start (the page's own clock). */
  interactiveMs: number;
}

/** A fresh tab, loaded until Redoc is interactive. */
async function openDocs(): Promise<DocsTab> {
  const page = await browser.context.newPage();
  const origin = new URL(docs.url).origin;
  const tab: DocsTab = { page, response: null, outbound: [], consoleErrors: [], interactiveMs: Number.NaN };
  const leaves = (request: Request) => !request.url().startsWith(`${origin}/`) && !request.url().startsWith("data:");
  const record = (request: Request) => {
    const seen = `${request.method()} ${request.url()}`;
    if (!tab.outbound.includes(seen)) tab.outbound.push(seen);
  };
  // Every request is seen here (the event, and the route for those the page makes itself); only the page's own
  // origin (and data: URLs) may be answered.
  await page.route("**/*", (route) => {
    if (!leaves(route.request())) return route.continue();
    record(route.request());
    return route.abort("blockedbyclient");
  });
  page.on("request", (request) => {
    if (leaves(request)) record(request);
  });
  page.on("console", (message) => {
    if (message.type() === "error") tab.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => tab.consoleErrors.push(`uncaught: ${error.message}`));
  tab.response = await page.goto(docs.url, { waitUntil: "load" });
  await page.getByRole("heading", { name: new RegExp(infoOf(spec).title) }).waitFor();
  // Redoc is interactive once its search box stops saying "Loading...".
  await page.getByText("Ctrl+K").waitFor();
  tab.interactiveMs = await page.evaluate(() => performance.now());
  return tab;
}

async function openOperation(page: Page, entry: DocumentedOperation) {
  const summary = entry.operation.summary!;
  const sidebar = page.locator('[data-component-name="Menu/Menu"]');
  if (!(await sidebar.getByText(summary, { exact: true }).isVisible())) {
    await choose(sidebar.getByText(entry.operation.tags![0]!, { exact: true }));
  }
  // The click a reader's click sends, to the item itself: in the one tab every test shares, the menu re-renders as
  // groups open, and a pointer click was once caught by the group's own row (a soak round, 30 s of "intercepts
  // pointer events").
  await choose(sidebar.getByText(summary, { exact: true }));
  const section = page.locator(`[data-section-id$="/${entry.operation.operationId!.toLowerCase()}"]`);
  await section.getByRole("heading", { name: summary }).waitFor();
  return section;
}

/**
 * Picks an item of an open dropdown menu: the click event a reader's click sends, sent to the item itself. Not a
 * pointer click: once in six full runs Playwright found the item "visible, enabled and stable" yet "outside of the
 * viewport" after every scroll for 30 s and never clicked. (Enter on the item picks it too, but leaves the menu open.)
 */
async function choose(item: Locator): Promise<void> {
  await item.dispatchEvent("click");
}

/** Shows `label`'s code sample of the operation (TypeScript, curl, Payload) and returns its code block. */
async function showSample(page: Page, section: Locator, label: string): Promise<Locator> {
  const languages = section.locator('[data-component-name="Dropdown/Dropdown"]').filter({ hasText: /^(TypeScript|curl|Payload)$/ });
  await languages.first().click();
  await choose(page.locator('[data-component-name="Dropdown/DropdownMenuItem"]:visible', { hasText: label }));
  return section.locator('[data-component-name="CodeBlock/CodeBlock"]').first();
}

/** Every response sample of the operation, each example of each status in turn; `read` sees the panel each time. */
async function showResponseSamples(page: Page, section: Locator, read: (panel: Locator) => Promise<void>): Promise<void> {
  const panel = section.locator(".panel-response-samples");
  for (const status of await panel.getByRole("button", { name: /^\d{3}$/ }).allInnerTexts()) {
    await panel.getByRole("button", { name: status, exact: true }).click();
    await read(panel);
    // A status with several examples (PATCH 400) offers them in a dropdown: show each in turn.
    const examples = panel.locator('[data-component-name="Dropdown/Dropdown"]');
    if ((await examples.count()) === 0) continue;
    await examples.first().click();
    const items = page.locator('[data-component-name="Dropdown/DropdownMenuItem"]:visible');
    const names = await items.allInnerTexts();
    for (const [index, name] of names.entries()) {
      if (index > 0) await examples.first().click();
      await choose(items.filter({ hasText: name }).first());
      await read(panel);
    }
  }
}

async function search(page: Page, text: string): Promise<string[]> {
  await page.locator('[data-component-name="Search/SearchInput"], :text("Search")').first().click();
  await page.keyboard.type(text);
  const results = page.locator('[data-component-name="Search/SearchItem"]');
  await results.first().waitFor();
  const texts = await results.allInnerTexts();
  await page.keyboard.press("Escape");
  return texts;
}

/**
 * What a reader does with the page: every operation, each of its code samples and response samples, a search.
 * Returns the ModelArts error codes the response samples showed.
 */
async function readEverything(page: Page): Promise<string[]> {
  const seen = new Set<string>();
  for (const entry of operations) {
    const section = await openOperation(page, entry);
    for (const { label } of entry.operation["x-codeSamples"]!) await showSample(page, section, label);
    await showResponseSamples(page, section, async (panel) => {
      for (const code of (await panel.innerText()).match(/ModelArts\.\d{8}/g) ?? []) seen.add(code);
    });
  }
  await search(page, "jobFlavors");
  return [...seen].sort();
}

beforeAll(async () => {
  docs = await serveDocs({ port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

// One tab for the tests that read the page as it loads, search it or open an overview section: none opens a dropdown
// or leaves a dialog open (a search ends with Escape), and each goes to what it reads itself, so they pass alone and in
// any order. (A tab costs a load of the whole page: a tab for each of these was a quarter of this file's time.)
describe("the API reference in Chromium", () => {
  let tab: DocsTab;
  beforeAll(async () => {
    tab = await openDocs();
  });
  afterAll(async () => {
    await tab?.page.close();
  });

  test("arrives brotli-compressed and decodes to the built page; reports size and time to first render", async () => {
    const { page, response } = tab;
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-encoding"]).toBe("br");
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      return { transferred: navigation.encodedBodySize, decoded: navigation.decodedBodySize, fcp: paint?.startTime, load: navigation.loadEventEnd };
    });
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
    console.log(
      `[docs] page: ${kib(statSync(pagePath).size)} raw, ${kib(statSync(`${pagePath}.gz`).size)} gzip, ` +
        `${kib(timing.transferred)} brotli as served to Chromium; first contentful paint ${timing.fcp?.toFixed(0)} ms, ` +
        `load event ${timing.load.toFixed(0)} ms, interactive (search ready) ${tab.interactiveMs.toFixed(0)} ms (loopback, this machine)`,
    );
    expect(timing.decoded).toBe(readFileSync(pagePath).length);
  });

  test("lists the local mock as a server beside the regional endpoint, and says how to start it", async () => {
    const text = await tab.page.locator("body").innerText();
    expect(text).toContain(serversOf(spec)[0]!.url);
    expect(text).toContain(mockUrl);
    expect(text).toContain("npx modelarts-pools-mock");
    expect(text).toContain("npm start");
  });

  test(`shows the "${lifecycleHeading}" section in the overview, its sample line for line as generated`, async () => {
    const { page } = tab;
    const sidebar = page.locator('[data-component-name="Menu/Menu"]');
    await sidebar.getByText(lifecycleHeading, { exact: true }).click();
    // The heading's section holds the text below it; the heading's accessible name also carries its link's label.
    const section = page.locator("[data-section-id]").filter({ has: page.getByRole("heading", { name: lifecycleHeading }) });
    const code = section.locator("pre");
    await code.waitFor();
    const lines = (await code.innerText()).split("\n").map((line) => line.trimEnd()).filter(Boolean);
    const sample = lifecycleSample(sampleContext(spec, documentedApi(spec)), operations);
    expect(sample).toContain("waitForPool");
    expect(lines).toEqual(sample.split("\n").map((line) => line.trimEnd()).filter(Boolean));
  });

  test('finds a field with the page\'s search ("jobFlavors")', async () => {
    const texts = await search(tab.page, "jobFlavors");
    // Each operation that documents the field (in its request or its answers) is found.
    const documenting = operations.filter((entry) => JSON.stringify(inline(spec, entry.node)).includes('"jobFlavors"'));
    expect(documenting.length).toBeGreaterThan(0);
    expect(texts.length).toBeGreaterThanOrEqual(documenting.length);
    for (const text of texts) expect(text).toContain("jobFlavors");
  });

  // What a newcomer looks for: how errors come back, how to sign, which variables the client reads, how to pick the
  // mock's answer. Each finds at least one result that holds the words, and no result glues two words together.
  test.each([
    ["Errors", /Errors/],
    ["AK/SK", /AK\/SK/],
    ["HUAWEICLOUD_SDK_AK", /HUAWEICLOUD_SDK_AK/],
    ["Prefer", /Prefer/],
  ])('finds "%s" with the page\'s search', async (text, expected) => {
    const texts = await search(tab.page, text);
    expect(texts.some((found) => expected.test(found)), texts.join(" | ")).toBe(true);
  });

  test("shows search results with the spaces between words kept: every word of a result is a word of the spec", async () => {
    // Words as the spec writes them (letters and digits between anything else); a result that glued two ("scale itout",
    // "404ModelArts") holds a word the spec has not.
    const words = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const vocabulary = new Set(words(JSON.stringify(spec)));
    const glued: string[] = [];
    for (const query of ["scale", "phase", "404", "continue"]) {
      for (const result of await search(tab.page, query)) {
        // A result's excerpts are cut mid-word at their ends ("...pool: its"): only whole words inside are judged.
        for (const excerpt of result.split("\n")) glued.push(...words(excerpt).slice(1, -1).filter((word) => !vocabulary.has(word)));
      }
    }
    expect(glued).toEqual([]);
  });

  test("has an Errors section naming every error code the spec declares and the client's error classes", async () => {
    const { page } = tab;
    await page.locator('[data-component-name="Menu/Menu"]').getByText(errorsHeading, { exact: true }).click();
    const section = page.locator("[data-section-id]").filter({ has: page.getByRole("heading", { name: errorsHeading }) });
    await section.locator("table").waitFor();
    const text = await section.innerText();
    for (const code of errorCodesOf(spec, operations)) expect(text).toContain(code);
    for (const { name } of clientErrors) expect(text).toContain(name);
  });

});

// The whole page read once as a reader would, in a tab of its own (the slowest thing a test here does), started by
// whichever of these tests runs first: what it showed and what the tab recorded. The screenshots are for a person to
// look at, not checked.
describe("the API reference in Chromium, read from end to end", () => {
  let tour: Promise<{ tab: DocsTab; errorCodes: string[] }> | undefined;
  const readOnce = () =>
    (tour ??= (async () => {
      const tab = await openDocs();
      const errorCodes = await readEverything(tab.page);
      mkdirSync(resultsDir, { recursive: true });
      await tab.page.evaluate(() => window.scrollTo(0, 0));
      await tab.page.screenshot({ path: `${resultsDir}docs-overview.png` });
      await showSample(tab.page, await openOperation(tab.page, operations[0]!), "TypeScript");
      await tab.page.screenshot({ path: `${resultsDir}docs-operation.png` });
      return { tab, errorCodes };
    })());
  afterAll(async () => {
    await (await tour?.catch(() => undefined))?.tab.page.close();
  });

  test("shows every error code of the spec in the response samples", async () => {
    const { errorCodes } = await readOnce();
    const expected = errorCodesOf(spec, operations);
    expect(expected).toEqual(expect.arrayContaining(["ModelArts.50004000", "ModelArts.50004100", "ModelArts.50015000", "ModelArts.50015001"]));
    expect(errorCodes).toEqual(expected);
  });

  test("sends no request anywhere but the page's own origin and logs no console error", async () => {
    const { tab } = await readOnce();
    expect(tab.outbound, "requests that left the page's origin").toEqual([]);
    expect(tab.consoleErrors, "console errors").toEqual([]);
  });
});

// One tab per operation: its tests only read that operation's section, and each opens the section itself first.
describe.each(operations.map((entry) => [entry.operation.operationId!, entry] as const))("the API reference in Chromium, operation %s", (_, entry) => {
  const { operationId, summary } = entry.operation;
  let tab: DocsTab;
  beforeAll(async () => {
    tab = await openDocs();
  });
  afterAll(async () => {
    await tab?.page.close();
  });

  if (entry.api.requestSchema) {
    test(`${operationId}: "${summary}" shows its request fields`, async () => {
      const section = await openOperation(tab.page, entry);
      for (const field of requestFields(spec, entry)) {
        await expect(section.getByText(field, { exact: true }).first().isVisible(), field).resolves.toBe(true);
      }
    });
  }

  test(`${operationId}: "${summary}" shows its parameters`, async () => {
    const section = await openOperation(tab.page, entry);
    const names = parameterNames(entry);
    expect(names.length, "every operation has parameters (the project ID at least)").toBeGreaterThan(0);
    for (const name of names) {
      await expect(section.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(true);
    }
  });

  test(`${operationId}: shows its TypeScript and curl samples`, async () => {
    const section = await openOperation(tab.page, entry);
    for (const { label, source } of entry.operation["x-codeSamples"]!) {
      const code = await showSample(tab.page, section, label);
      // The code block shows the sample as generated, line for line.
      const lines = (await code.innerText()).split("\n").map((line) => line.trimEnd()).filter(Boolean);
      expect(lines, label).toEqual(source.split("\n").map((line) => line.trimEnd()).filter(Boolean));
    }
  });
});
