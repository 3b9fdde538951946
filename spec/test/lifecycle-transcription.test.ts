// The three lifecycle pages (fixtures/pages/, as far as the stored text reaches) are in the spec: the checks of
// page-transcription.ts, row by row. The oracle (fixtures/lifecycle-pages.json) was extracted from the texts by
// scripts/extract-tables.mjs; the last test checks it is still what they say.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without types; it is the extractor the oracle was made with.
import { extractLifecyclePages } from "../scripts/extract-tables.mjs";
import lifecycle from "./fixtures/lifecycle-pages.json" with { type: "json" };
import { checkPages, type Table } from "./page-transcription.js";

checkPages(lifecycle as Record<string, Table[]>, {
  bodyTables: {
    showPool: {},
    listPools: { 3: "200" },
    deletePool: { 3: "200", 4: "200.metadata" },
  },
  // ListPools calls the Pool of its items PoolModel.
  schemaAliases: { listPools: { PoolModel: "Pool" } },
});

describe("the lifecycle oracle", () => {
  it("is still what the page texts say", () => {
    expect(extractLifecyclePages(fileURLToPath(new URL("./fixtures/pages", import.meta.url)))).toEqual(lifecycle);
  });
});
