// The iterator over all pages of an operation that answers pages (pagesOf, behind every `…All` method): it follows
// `metadata.continue` until an answer has none, passes the query (`limit`) on, asks for a page only when the loop
// wants more, and stops with the call's signal.
import { describe, expect, test } from "vitest";
import { pagesOf } from "../src/pages.js";

/** A paged operation over `items`, `size` a page unless `limit` says otherwise; records each call's arguments. */
function pagedOperation(items: string[], size = 2) {
  const calls: unknown[][] = [];
  const call = async (...args: unknown[]) => {
    calls.push(args);
    const [, query, options] = args as [string, { limit?: number; continue?: string } | undefined, { signal?: AbortSignal } | undefined];
    if (options?.signal?.aborted) throw options.signal.reason;
    const start = Number(query?.continue ?? 0);
    const end = start + (query?.limit ?? size);
    return { items: items.slice(start, end), metadata: end < items.length ? { continue: String(end), remainingItemCount: items.length - end } : {} };
  };
  return { calls, iterate: pagesOf(call, 1) };
}

async function all(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const item of iterable) seen.push(item);
  return seen;
}

describe("pagesOf", () => {
  test("yields every item of every page, in order, following metadata.continue and passing limit on", async () => {
    const { calls, iterate } = pagedOperation(["a", "b", "c", "d", "e"]);
    expect(await all(iterate("pool-1", { limit: 2 }))).toEqual(["a", "b", "c", "d", "e"]);
    expect(calls.map(([path, query]) => [path, query])).toEqual([
      ["pool-1", { limit: 2 }],
      ["pool-1", { limit: 2, continue: "2" }],
      ["pool-1", { limit: 2, continue: "4" }],
    ]);
  });

  test("asks for no page before the loop starts, and for no more once it stops", async () => {
    const { calls, iterate } = pagedOperation(["a", "b", "c", "d"]);
    const iterable = iterate("pool-1");
    expect(calls).toHaveLength(0);
    for await (const item of iterable) if (item === "a") break;
    expect(calls).toHaveLength(1);
  });

  test("ends on an empty list, and on a page whose continue is empty or absent", async () => {
    expect(await all(pagedOperation([]).iterate("pool-1"))).toEqual([]);
    const emptyToken = pagesOf(async () => ({ items: ["x"], metadata: { continue: "" } }), 0);
    expect(await all(emptyToken())).toEqual(["x"]);
  });

  test("stops with the signal's reason when the signal aborts between pages, having passed it to each call", async () => {
    const { calls, iterate } = pagedOperation(["a", "b", "c", "d"]);
    const controller = new AbortController();
    const seen: unknown[] = [];
    const loop = (async () => {
      for await (const item of iterate("pool-1", { limit: 2 }, { signal: controller.signal })) {
        seen.push(item);
        if (item === "b") controller.abort(new Error("the caller stopped"));
      }
    })();
    await expect(loop).rejects.toThrow("the caller stopped");
    expect(seen).toEqual(["a", "b"]);
    expect(calls.every(([, , options]) => (options as { signal: AbortSignal }).signal === controller.signal)).toBe(true);
  });

  test("refuses an answer that hands back the continue it was sent, rather than paging forever", async () => {
    const stuck = pagesOf(async () => ({ items: ["x"], metadata: { continue: "same" } }), 0);
    const loop = all(stuck(undefined));
    await expect(loop).rejects.toThrow('the answer\'s metadata.continue is the one just sent ("same")');
  });
});
