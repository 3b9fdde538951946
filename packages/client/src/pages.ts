// The iterator over all the pages of an operation that answers pages (`pages` in generated/operations.ts: a `limit`
// and `continue` query, `metadata.continue` and `items` in the answer): `for await (const node of
// pools.listPoolNodesAll(poolName, { limit: 100 }))`. It asks for one page at a time, only when the loop wants more.

interface Page {
  items?: unknown[];
  metadata?: { continue?: string };
}

/**
 * `call` is the operation's method, whose arguments are `pathCount` path values, the query, then the call options;
 * the iterator takes the same and sends each page's `continue` in the query of the next call.
 */
export function pagesOf(call: (...args: unknown[]) => Promise<unknown>, pathCount: number) {
  return (...args: unknown[]): AsyncIterable<unknown> => {
    const path = args.slice(0, pathCount);
    const query = args[pathCount] as Record<string, unknown> | undefined;
    const options = args[pathCount + 1];
    return {
      async *[Symbol.asyncIterator]() {
        let next = query?.continue as string | undefined;
        for (;;) {
          // Each page is its own call: the options' signal, time-out and retries apply to each.
          const page = (await call(...path, next === undefined ? query : { ...query, continue: next }, options)) as Page;
          yield* page.items ?? [];
          const after = page.metadata?.continue;
          if (!after) return;
          // An API that hands back the token it was given would page forever: a stop with a reason beats a hang.
          if (after === next) throw new Error(`the answer's metadata.continue is the one just sent (${JSON.stringify(after)}): the next page would be this one again`);
          next = after;
        }
      },
    };
  };
}
