// The pages of a pool's nodes and of resource flavors (fixtures/pages/, as far as the stored text reaches) are in the
// spec: the checks of page-transcription.ts, row by row. The oracle (fixtures/nodes-pages.json) was extracted from
// the texts by scripts/extract-tables.mjs; the last test checks it is still what they say.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ESM script without types; it is the extractor the oracle was made with.
import { extractNodesPages } from "../scripts/extract-tables.mjs";
import nodes from "./fixtures/nodes-pages.json" with { type: "json" };
import { checkPages, type Table } from "./page-transcription.js";

checkPages(nodes as Record<string, Table[]>, {
  bodyTables: {
    listPoolNodes: {},
    batchDeletePoolNodes: { 2: "request", 3: "404" },
    listResourceFlavors: { 3: "200" },
  },
  // The flavors page names the table of the list's metadata just "metadata".
  schemaAliases: { listResourceFlavors: { metadata: "ResourceFlavorListMetadata" } },
  // The project_id of every operation is one parameter; the newer pages' limit on it would narrow the released ones.
  unenforced: { "path project_id": "1 to 64 characters" },
});

describe("the oracle of the nodes and flavors pages", () => {
  it("is still what the page texts say", () => {
    expect(extractNodesPages(fileURLToPath(new URL("./fixtures/pages", import.meta.url)))).toEqual(nodes);
  });
});
