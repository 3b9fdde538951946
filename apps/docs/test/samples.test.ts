// The code samples on the page must work: the TypeScript ones compile (strict) against the real workspace packages
// and run against a real mock, and the curl ones run with real curl against a real mock. Only the mock's host:port
// (and, for TypeScript, the endpoint) is swapped in; everything else runs exactly as the page shows it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Mock, startMock } from "@modelarts-pools/mock";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { requestExamplesOf, tokenVariable } from "../src/code-samples.ts";
import { mockUrl } from "../src/mock-server.ts";
import { type CodeSample, defaultServerUrl, operationsOf } from "../src/openapi.ts";
import { loadDecoratedSpec, loadSpec } from "./support/spec.ts";
import { run } from "./support/run.ts";

const spec = loadDecoratedSpec();
const operations = operationsOf(spec);
const samplesDir = fileURLToPath(new URL("../test-results/samples/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const env = { ...process.env, [tokenVariable]: "a-token-for-the-mock" };

function sample(operationId: string, label: string): CodeSample {
  const found = operations.find((o) => o.operation.operationId === operationId)?.operation["x-codeSamples"]?.find((s) => s.label === label);
  if (!found) throw new Error(`${operationId} has no ${label} sample`);
  return found;
}

/** Writes the samples as a small strict TypeScript project inside this package, so they resolve the workspace packages. */
function writeProject(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: relative(dir, fileURLToPath(new URL("../../../tsconfig.base.json", import.meta.url))),
      compilerOptions: { strict: true, types: ["node"], outDir: "out", rootDir: ".", declaration: false, skipLibCheck: false },
      include: ["*.ts"],
    }),
  );
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
}

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

describe("x-codeSamples", () => {
  test("every operation has a TypeScript and a curl sample", () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const { operation } of operations) {
      expect(operation["x-codeSamples"]?.map((s) => s.label), operation.operationId).toEqual(["TypeScript", "curl"]);
    }
  });

  test("the curl sample sends the spec's own example body, byte for byte what JSON.stringify makes of it", () => {
    for (const entry of operations) {
      const [example] = requestExamplesOf(spec, entry);
      const curl = sample(entry.operation.operationId!, "curl").source;
      const body = /<<'JSON'\n([\s\S]*)\nJSON\n$/.exec(curl)?.[1];
      expect(body && JSON.parse(body), entry.operation.operationId).toEqual(example!.value);
    }
  });

  test("are added to a copy: the bundled spec itself carries none", () => {
    for (const { operation } of operationsOf(loadSpec())) expect(operation["x-codeSamples"]).toBeUndefined();
  });
});

describe("the TypeScript samples", () => {
  const dir = join(samplesDir, "typescript");

  test("compile with tsc --strict against @modelarts-pools/client and run against the mock", async () => {
    const files = Object.fromEntries(operations.map(({ operation }) => [`${operation.operationId}.ts`, sample(operation.operationId!, "TypeScript").source]));
    writeProject(dir, files);
    const compiled = await run(process.execPath, [tsc, "-p", dir]);
    expect(compiled.stdout + compiled.stderr, "tsc output").toBe("");
    expect(compiled.code).toBe(0);

    const regional = defaultServerUrl(spec.servers![0]!);
    for (const { operation } of operations) {
      const js = join(dir, "out", `${operation.operationId}.js`);
      const source = readFileSync(js, "utf8");
      expect(source, "the sample calls the regional endpoint").toContain(JSON.stringify(regional));
      writeFileSync(js, source.replace(JSON.stringify(regional), JSON.stringify(mock.url)));
      const ran = await run(process.execPath, [js], { env });
      expect(ran.stderr, `${operation.operationId}.js stderr`).toBe("");
      expect(ran.code).toBe(0);
      // The sample prints metadata.name of the pool the mock answered.
      expect(ran.stdout.trim()).toMatch(/^[a-z][-a-z0-9]+$/);
    }
  });

  test("a sample with a misspelled field does not compile (the check above can fail)", async () => {
    const broken = sample("createPool", "TypeScript").source.replace("resources:", "resouces:");
    expect(broken).toContain("resouces:");
    writeProject(join(samplesDir, "typescript-broken"), { "createPool.ts": broken });
    const compiled = await run(process.execPath, [tsc, "-p", join(samplesDir, "typescript-broken")]);
    expect(compiled.code).not.toBe(0);
    expect(compiled.stdout).toMatch(/resouces/);
  });
});

describe("the curl samples", () => {
  const validatePool = schemaValidator(spec as never, "Pool");

  for (const operationId of ["createPool", "updatePool"]) {
    test(`${operationId}: real curl against the mock answers a Pool`, async () => {
      const source = sample(operationId, "curl").source;
      expect(source).toContain(mockUrl);
      const ran = await run("bash", ["-c", source.replaceAll(mockUrl, mock.url)], { env });
      expect(ran.stderr, "curl reports no failure").toBe("");
      expect(ran.code).toBe(0);
      expect(validatePool(JSON.parse(ran.stdout))).toEqual({ valid: true });
    });
  }

  test("the mock refuses the PATCH sample sent as application/json, so its Content-Type matters", async () => {
    const source = sample("updatePool", "curl").source.replace("application/merge-patch+json", "application/json");
    const ran = await run("bash", ["-c", source.replaceAll(mockUrl, mock.url)], { env });
    expect(ran.code).not.toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ error_code: "ModelArts.50004100" });
  });
});
