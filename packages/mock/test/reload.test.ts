// reload(): `pnpm dev` re-bundles the spec on every save; the mock answers from the new bundle on the same port.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";
import { call, exampleOf } from "./support.js";

const bundled = createRequire(import.meta.url).resolve("@modelarts-pools/spec/openapi.json");
const dir = mkdtempSync(join(tmpdir(), "mock-reload-"));
const specPath = join(dir, "openapi.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reload", () => {
  it("answers from the re-read spec without changing port", async () => {
    const spec = JSON.parse(readFileSync(bundled, "utf8"));
    writeFileSync(specPath, JSON.stringify(spec));
    const mock = await startMock({ port: 0, specPath });
    try {
      const before = await call(mock, { body: exampleOf("createDedicatedPool"), headers: { prefer: "code=409" } });
      expect(before.body).toEqual(exampleOf("poolAlreadyExists"));

      spec.components.examples.poolAlreadyExists.value.error_msg = "Pool already exists (edited)";
      writeFileSync(specPath, JSON.stringify(spec));
      await mock.reload();

      const after = await call(mock, { body: exampleOf("createDedicatedPool"), headers: { prefer: "code=409" } });
      expect(after.status).toBe(409);
      expect(after.body).toEqual({ error_code: "ModelArts.50015000", error_msg: "Pool already exists (edited)" });
    } finally {
      await mock.close();
    }
  });
});
