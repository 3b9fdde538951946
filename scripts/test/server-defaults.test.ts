// run.mjs checks the servers' ports before anything is installed, so it reads their defaults from the sources; these
// must be the values the built packages listen on.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repo } from "../lib/repo-copy.mjs";
import { defaultsFromSources } from "../lib/servers.mjs";

const built = async (path: string): Promise<Record<string, unknown>> => (await import(pathToFileURL(join(repo, path)).href)) as Record<string, unknown>;

describe("the servers' defaults as the sources write them", () => {
  it("are the built mock's and docs' defaults", async () => {
    const mock = await built("packages/mock/dist/defaults.js");
    const docs = await built("apps/docs/dist/serve.js");
    expect(defaultsFromSources()).toEqual({ mockPort: mock["DEFAULT_PORT"], docsPort: docs["DEFAULT_DOCS_PORT"], host: mock["DEFAULT_HOST"] });
  });
});
