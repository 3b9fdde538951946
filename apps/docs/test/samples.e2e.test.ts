// The code samples on the page must work: the TypeScript ones compile (strict) against the real workspace packages
// and run against a real mock, the lifecycle sample runs a pool's whole life against the stateful mock, and the curl
// ones run with real curl, against a real mock and against a server that records what they send. Only the host:port
// (and, for TypeScript, the endpoint and the lifecycle's polling times) is swapped in; the rest runs as the page shows it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Mock, startMock } from "@modelarts-pools/mock";
import { namedExample } from "@modelarts-pools/spec/openapi";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientMethod } from "../src/client-methods.ts";
import { sampleContext, tokenVariable } from "../src/code-samples.ts";
import { pollingLine, samplePolling } from "../src/lifecycle.ts";
import { mockUrl } from "../src/defaults.ts";
import { type CodeSample, type DocumentedOperation, defaultServerUrl, documentedApi, findOperation, isObject, parameterDefault, parameterExample, parameterOf } from "../src/openapi.ts";
import { startRecorder } from "./support/recorder.ts";
import { type Finished, run } from "./support/run.ts";
import { loadDecoratedSpec, loadSpec } from "./support/spec.ts";

const spec = loadDecoratedSpec();
const documented = documentedApi(spec);
const operations = documented.operations;
const context = sampleContext(spec, documented);
const samplesDir = fileURLToPath(new URL("../test-results/samples/", import.meta.url));
// The docs package's own tsc (TypeScript 7's package exports no bin path to resolve).
const tsc = fileURLToPath(new URL("../node_modules/.bin/tsc", import.meta.url));
const token = "a-token-for-the-mock";
const env = { ...process.env, [tokenVariable]: token };

function sample(operationId: string, label: string): CodeSample {
  const found = findOperation(operations, operationId).operation["x-codeSamples"]?.find((s) => s.label === label);
  if (!found) throw new Error(`${operationId} has no ${label} sample`);
  return found;
}

/** The lifecycle sample, as the overview shows it: the one ```ts block of the decorated description. */
function lifecycleSource(): string {
  const description = spec.info.description;
  const source = typeof description === "string" ? /\n```ts\n([\s\S]*?)```\n/.exec(description)?.[1] : undefined;
  if (!source) throw new Error("the overview has no ```ts block (the lifecycle sample)");
  return source;
}

/** The schema component the operation's success answer holds (Pool, PoolList, …); undefined for an answer with no body. */
function successSchema(entry: DocumentedOperation): string | undefined {
  return Object.entries(entry.api.responses).find(([status]) => status.startsWith("2"))?.[1].schema;
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

/** tsc's diagnostics for one file of a project it compiled from the project's folder (each line starts with the file). */
function diagnosticsOf(compiled: Finished, file: string): string[] {
  return (compiled.stdout + compiled.stderr).split("\n").filter((line) => line.startsWith(`${file}(`));
}

/** tsc over the project in `dir`, run from there so that its diagnostics name the files as they are in it. */
function compileProject(dir: string): Promise<Finished> {
  return run(tsc, ["-p", "."], { cwd: dir });
}

let mock: Mock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

describe("x-codeSamples", () => {
  test("every operation has a TypeScript and a curl sample", () => {
    expect(operations.map(({ api }) => api.operationId).sort()).toEqual(Object.keys(documented.api.operations).sort());
    for (const { operation } of operations) {
      expect(operation["x-codeSamples"]?.map((s) => s.label), operation.operationId).toEqual(["TypeScript", "curl"]);
    }
  });

  test("the curl sample sends the spec's own example body, byte for byte what JSON.stringify makes of it; no body where the operation takes none", () => {
    for (const entry of operations) {
      const [example] = entry.requestExamples;
      const curl = sample(entry.api.operationId, "curl").source;
      const body = /<<'JSON'\n([\s\S]*)\nJSON\n$/.exec(curl)?.[1];
      if (entry.api.requestMediaTypes.length === 0) {
        expect(example, entry.api.operationId).toBeUndefined();
        expect(curl, entry.api.operationId).not.toMatch(/--data-binary|Content-Type/);
      } else {
        expect(body && JSON.parse(body), entry.api.operationId).toEqual(example!.value);
      }
    }
  });

  test("are added to a copy: the bundled spec itself carries none", () => {
    for (const { operation } of documentedApi(loadSpec()).operations) expect(operation["x-codeSamples"]).toBeUndefined();
  });
});

describe("the TypeScript samples", () => {
  const dir = join(samplesDir, "typescript");
  let compiling: Promise<Finished> | undefined;

  /** One strict tsc run over every operation's sample and the lifecycle sample, shared by the tests below. */
  function compiled(): Promise<Finished> {
    compiling ??= (async () => {
      const files: Record<string, string> = { "lifecycle.ts": lifecycleSource() };
      for (const { api } of operations) files[`${api.operationId}.ts`] = sample(api.operationId, "TypeScript").source;
      writeProject(dir, files);
      return compileProject(dir);
    })();
    return compiling;
  }

  /** The compiled sample with only the endpoint swapped for the mock's (and any other swaps given). */
  function compiledSample(name: string, mockBase: string, swaps: [string, string][] = []): string {
    const js = join(dir, "out", `${name}.js`);
    let source = readFileSync(js, "utf8");
    const regional = JSON.stringify(defaultServerUrl(spec));
    expect(source, "the sample calls the regional endpoint").toContain(regional);
    source = source.replace(regional, JSON.stringify(mockBase));
    for (const [from, to] of swaps) {
      expect(source, `the compiled ${name} sample has ${from}`).toContain(from);
      source = source.replace(from, to);
    }
    const runnable = join(dir, "out", `${name}.run.js`);
    writeFileSync(runnable, source);
    return runnable;
  }

  // This is the check of src/client-methods.ts: each sample calls the client method the map names for its operation.
  test("compile with tsc --strict against @modelarts-pools/client, the lifecycle sample with them", async () => {
    const result = await compiled();
    expect(result.stdout + result.stderr, "tsc output").toBe("");
    expect(result.code).toBe(0);
  });

  for (const entry of operations) {
    const { operationId } = entry.api;
    test(`${operationId}: calls pools.${clientMethod(operationId)} and runs against the mock`, async () => {
      const result = await compiled();
      expect(diagnosticsOf(result, `${operationId}.ts`), "tsc errors in this sample").toEqual([]);
      expect(sample(operationId, "TypeScript").source).toContain(`await pools.${clientMethod(operationId)}(`);
      const ran = await run(process.execPath, [compiledSample(operationId, mock.url)], { env });
      expect(ran.stderr, `${operationId}.js stderr`).toBe("");
      expect(ran.code).toBe(0);
      // The sample prints metadata.name of each item (or of the one value) the mock answered; of an answer with no
      // body, that the call is done.
      const names = ran.stdout.trim().split("\n");
      expect(names.length).toBeGreaterThan(0);
      if (!successSchema(entry)) expect(names).toEqual([`${operationId}: done`]);
      else for (const name of names) expect(name).toMatch(/^[a-z][-a-z0-9.]+$/);
    });
  }

  test("the lifecycle sample as the page shows it ends against the mock that answers examples: its last wait times out", async () => {
    const result = await compiled();
    expect(diagnosticsOf(result, "lifecycle.ts"), "tsc errors in the lifecycle sample").toEqual([]);
    const ran = await run(process.execPath, [compiledSample("lifecycle", mock.url, [])], { env });
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toContain("ModelArtsTimeoutError");
    expect(ran.stdout).toMatch(/ is Running\n/);
  });

  test("the lifecycle sample runs a pool's whole life against the stateful mock: created, Running, scaled out, deleted, gone", async () => {
    const result = await compiled();
    expect(diagnosticsOf(result, "lifecycle.ts"), "tsc errors in the lifecycle sample").toEqual([]);
    // Short phases and polling, so the life takes a moment; the generous time-out only catches a hang.
    const lifecycleTimes = { stateful: true, creatingMs: 50, deletingMs: 50 };
    const stateful = await startMock({ port: 0, ...lifecycleTimes });
    try {
      const polling = pollingLine({ intervalMs: 10, timeoutMs: 120_000 }).trim();
      const script = compiledSample("lifecycle", stateful.url, [[pollingLine(samplePolling).trim(), polling]]);
      const ran = await run(process.execPath, [script], { env });
      expect(ran.stderr, "lifecycle.js stderr").toBe("");
      expect(ran.code).toBe(0);

      const scaleOut = findOperation(operations, "updatePool").requestExamples[0]!.value;
      const resources = isObject(scaleOut) && isObject(scaleOut.spec) && Array.isArray(scaleOut.spec.resources) ? scaleOut.spec.resources : [];
      const poolName = /^created (\S+)$/m.exec(ran.stdout)?.[1];
      expect(poolName, ran.stdout).toMatch(/^[a-z][-a-z0-9]+$/);
      expect(ran.stdout.trim().split("\n")).toEqual([
        `created ${poolName}`,
        `${poolName} is Running`,
        ...resources.map((resource) => `${poolName} asks for ${isObject(resource) ? `${resource.count} × ${resource.flavor}` : ""}`),
        `${poolName} is deleted`,
      ]);

      // And the mock agrees: the pool is gone (the project's path parameters as in the sample, the pool's name as printed).
      const show = findOperation(operations, "showPool");
      const path = show.api.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        context.clientParameters.includes(name) ? String(parameterExample(parameterOf(show, "path", name))) : poolName!,
      );
      const answer = await fetch(`${stateful.url}${path}`, { method: show.api.method, headers: { [context.tokenHeader]: token } });
      const notFound = namedExample(spec, show.api.responses["404"]!.examples[0]!);
      expect(answer.status).toBe(404);
      expect(isObject(notFound) && notFound.error_code).toBeTruthy();
      expect(await answer.json()).toMatchObject({ error_code: isObject(notFound) ? notFound.error_code : undefined });
    } finally {
      await stateful.close();
    }
  });

  test("a sample with a misspelled field, or calling a method the client does not have, does not compile (the checks above can fail)", async () => {
    const createPool = sample("createPool", "TypeScript").source;
    const misspelled = createPool.replace("resources:", "resouces:");
    const unknownMethod = createPool.replace("pools.createPool(", "pools.makePool(");
    expect(misspelled).toContain("resouces:");
    expect(unknownMethod).toContain("pools.makePool(");
    const brokenDir = join(samplesDir, "typescript-broken");
    writeProject(brokenDir, { "misspelled.ts": misspelled, "unknownMethod.ts": unknownMethod });
    const result = await compileProject(brokenDir);
    expect(result.code).not.toBe(0);
    expect(diagnosticsOf(result, "misspelled.ts").join("\n")).toMatch(/resouces/);
    expect(diagnosticsOf(result, "unknownMethod.ts").join("\n")).toMatch(/makePool/);
  });
});

describe("the curl samples", () => {
  for (const entry of operations) {
    const { operationId } = entry.api;

    test(`${operationId}: real curl sends the method, path, query, token header and body the spec describes`, async () => {
      const recorder = await startRecorder();
      try {
        const source = sample(operationId, "curl").source;
        expect(source).toContain(mockUrl);
        const ran = await run("bash", ["-c", source.replaceAll(mockUrl, recorder.url)], { env });
        expect(ran.stderr, "curl reports no failure").toBe("");
        expect(recorder.requests).toHaveLength(1);
        const [sent] = recorder.requests;
        const url = new URL(sent!.target, recorder.url);
        expect(sent!.method).toBe(entry.api.method);
        expect(decodeURIComponent(url.pathname)).toBe(
          entry.api.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameterExample(parameterOf(entry, "path", name)))),
        );
        // Every query pair is a query parameter of the operation, with the value it is documented with; each one with
        // an example is sent, unless the example is the parameter's default.
        for (const [name, value] of url.searchParams) expect(value, name).toBe(String(parameterExample(parameterOf(entry, "query", name))));
        for (const { name } of entry.api.queryParameters) {
          const parameter = parameterOf(entry, "query", name);
          const documentedValue = parameterExample(parameter);
          const sends = documentedValue !== undefined && documentedValue !== parameterDefault(parameter);
          expect(url.searchParams.has(name), name).toBe(sends);
        }
        expect(sent!.headers[context.tokenHeader.toLowerCase()]).toBe(token);
        const [example] = entry.requestExamples;
        if (example) {
          expect(sent!.headers["content-type"]).toBe(example.contentType);
          expect(JSON.parse(sent!.body)).toEqual(example.value);
        } else {
          expect(sent!.body).toBe("");
          expect(sent!.headers["content-type"]).toBeUndefined();
        }
      } finally {
        await recorder.close();
      }
    });

    const schema = successSchema(entry);
    test(`${operationId}: real curl against the mock answers ${schema ? `a ${schema}` : "with no body"}`, async () => {
      const source = sample(operationId, "curl").source;
      const ran = await run("bash", ["-c", source.replaceAll(mockUrl, mock.url)], { env });
      expect(ran.stderr, "curl reports no failure").toBe("");
      expect(ran.code, ran.stdout).toBe(0);
      if (schema) expect(schemaValidator(spec, schema)(JSON.parse(ran.stdout))).toEqual({ valid: true });
      else expect(ran.stdout).toBe("");
    });
  }

  test("listPools: the curl sample asks with the labelSelector of the spec's example", () => {
    const list = findOperation(operations, "listPools");
    const selector = parameterExample(parameterOf(list, "query", "labelSelector"));
    expect(sample("listPools", "curl").source).toContain(`--data-urlencode 'labelSelector=${String(selector)}'`);
  });

  test("the mock refuses the PATCH sample sent as application/json, so its Content-Type matters", async () => {
    const source = sample("updatePool", "curl").source.replace("application/merge-patch+json", "application/json");
    const ran = await run("bash", ["-c", source.replaceAll(mockUrl, mock.url)], { env });
    expect(ran.code).not.toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ error_code: "ModelArts.50004100" });
  });
});
