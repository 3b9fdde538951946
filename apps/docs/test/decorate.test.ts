// The decorated copy the page is built from: the mock beside the regional endpoint, how to start it, the lifecycle
// section, and samples generated from the spec (never hand-written into it).
import { describe, expect, test } from "vitest";
import { clientMethod } from "../src/client-methods.ts";
import { sampleContext, tokenHeader } from "../src/code-samples.ts";
import { decorateSpec } from "../src/decorate.ts";
import { joinSoftBreaks } from "../src/soft-breaks.ts";
import { lifecycleHeading, lifecycleSample, samplePolling, pollingLine } from "../src/lifecycle.ts";
import { typescriptLiteral } from "../src/literal.ts";
import { mockUrl } from "../src/defaults.ts";
import { mockServer } from "../src/mock-server.ts";
import { documentedApi, findOperation, infoOf, parameterExample, parameterOf, serversOf } from "../src/openapi.ts";
import { loadSpec } from "./support/spec.ts";

function decorated() {
  const spec = decorateSpec(loadSpec());
  const documented = documentedApi(spec);
  return { spec, documented, operations: documented.operations, context: sampleContext(spec, documented) };
}

function sourceOf(operationId: string, label: string): string {
  const found = findOperation(decorated().operations, operationId).operation["x-codeSamples"]?.find((sample) => sample.label === label);
  if (!found) throw new Error(`${operationId} has no ${label} sample`);
  return found.source;
}

describe("decorateSpec", () => {
  test("lists the local mock after the spec's own servers", () => {
    const spec = loadSpec();
    const servers = decorateSpec(spec).servers!;
    expect(servers.slice(0, -1)).toEqual(spec.servers);
    expect(servers.at(-1)).toEqual(mockServer);
    expect(mockServer.description).toMatch(/npm start.*npx modelarts-pools-mock/);
  });

  test("says in the overview how to start the mock, keeping the spec's own description first", () => {
    const spec = loadSpec();
    const description = infoOf(decorateSpec(spec)).description;
    // First, as the page shows it: with its soft line breaks as spaces (soft-breaks.ts).
    expect(description.startsWith(joinSoftBreaks(infoOf(spec).description))).toBe(true);
    expect(description).toContain("## Try it against the local mock");
    expect(description).toContain(`\`npx modelarts-pools-mock\``);
    expect(description).toContain(mockUrl);
  });

  test(`adds "${lifecycleHeading}" to the overview: the lifecycle sample as a TypeScript block, polling for the mock, the live times in its comment`, () => {
    const { spec, operations, context } = decorated();
    const description = infoOf(spec).description;
    const sample = lifecycleSample(context, operations);
    expect(description).toContain(`\n## ${lifecycleHeading}\n`);
    expect(description).toContain(`\n\`\`\`ts\n${sample}\`\`\`\n`);
    expect(sample).toContain(pollingLine(samplePolling));
    expect(pollingLine(samplePolling)).toBe("const polling = { intervalMs: 500, timeoutMs: 10_000 };\n");
    expect(sample).toContain("{ intervalMs: 15_000, timeoutMs: 5_400_000 }");
    expect(sample).toContain("running.status.phase");
    expect(description).toContain("npm start -- --stateful");
  });

  test("adds the Authentication and Errors sections, and tells where to set the samples' token", () => {
    const { spec } = decorated();
    const description = infoOf(spec).description;
    expect(description).toContain("\n## Authentication\n");
    expect(description).toContain("\n## Errors\n");
    expect(description).toContain("export MODELARTS_TOKEN=");
    expect(description).toMatch(/HUAWEICLOUD_SDK_AK.*HUAWEICLOUD_SDK_SK/);
    expect(description).toContain("Prefer: code=404");
  });

  test("the lifecycle sample creates with the create example, scales with the update example, and waits twice", () => {
    const { operations, context } = decorated();
    const sample = lifecycleSample(context, operations);
    const create = findOperation(operations, "createPool").requestExamples[0]!;
    const scale = findOperation(operations, "updatePool").requestExamples[0]!;
    const steps = [
      `await pools.${clientMethod("createPool")}(${typescriptLiteral(create.value)});`,
      `await pools.waitForPool(poolName, { until: "Running", ...polling });`,
      `await pools.${clientMethod("updatePool")}(poolName, ${typescriptLiteral(scale.value)});`,
      `await pools.${clientMethod("deletePool")}(poolName);`,
      `await pools.waitForPool(poolName, { until: "deleted", ...polling });`,
    ];
    const positions = steps.map((step) => sample.indexOf(step));
    expect(positions.every((position) => position >= 0), positions.join(", ")).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("leaves the spec it is given untouched", () => {
    const spec = loadSpec();
    const before = JSON.stringify(spec);
    decorateSpec(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  test("refuses a spec that already carries x-codeSamples, naming the operation", () => {
    const spec = loadSpec();
    const [first] = documentedApi(spec).operations;
    first!.node["x-codeSamples"] = [{ lang: "curl", label: "curl", source: "curl …" }];
    expect(() => decorateSpec(spec)).toThrow(`${first!.api.method} ${first!.api.path}: x-codeSamples are generated by apps/docs`);
  });

  test("refuses a spec whose operation has no operationId, naming it", () => {
    const spec = loadSpec();
    const [first] = documentedApi(spec).operations;
    delete first!.node.operationId;
    expect(() => decorateSpec(spec)).toThrow(`${first!.api.method} ${first!.api.path}: needs an operationId`);
  });

  test("takes the TypeScript sample's project ID and pool name from the parameters' examples", () => {
    const { operations } = decorated();
    const update = findOperation(operations, "updatePool");
    const source = sourceOf("updatePool", "TypeScript");
    const example = (name: string) => parameterExample(parameterOf(update, "path", name));
    expect(source).toContain(`projectId: ${JSON.stringify(example("project_id"))}`);
    expect(source).toContain(`pools.updatePool(${JSON.stringify(example("pool_name"))}, {`);
  });

  test("calls the client's own method name where it differs from the operationId (showPool → getPool)", () => {
    const { operations } = decorated();
    const show = findOperation(operations, "showPool");
    const poolName = parameterExample(parameterOf(show, "path", "pool_name"));
    expect(clientMethod("showPool")).toBe("getPool");
    expect(sourceOf("showPool", "TypeScript")).toContain(`const pool = await pools.getPool(${JSON.stringify(poolName)});`);
    expect(sourceOf("deletePool", "TypeScript")).toContain(`await pools.deletePool(${JSON.stringify(poolName)});`);
  });

  test("listPools: the TypeScript sample passes the query examples and prints each pool of the list", () => {
    const { operations } = decorated();
    const list = findOperation(operations, "listPools");
    const selector = parameterExample(parameterOf(list, "query", "labelSelector"));
    const source = sourceOf("listPools", "TypeScript");
    expect(source).toContain(`labelSelector: ${JSON.stringify(selector)},`);
    // workspaceId's example is its default: sending it would change nothing.
    expect(source).not.toContain("workspaceId");
    expect(source).toContain(`for (const pool of found) console.log(pool.metadata.name);`);
  });

  test("body-less operations: curl with the method and path of the spec, the token header, no body", () => {
    const { spec, operations, context } = decorated();
    for (const entry of operations.filter(({ api }) => api.requestMediaTypes.length === 0)) {
      const source = sourceOf(entry.api.operationId, "curl");
      const path = entry.api.path.replace(/\{([^}]+)\}/g, (_, name: string) => String(parameterExample(parameterOf(entry, "path", name))));
      expect(source, entry.api.operationId).toContain(`-X ${entry.api.method} '${mockUrl}${path}'`);
      expect(source, entry.api.operationId).toContain(`-H "${tokenHeader(documentedApi(spec).api)}: $MODELARTS_TOKEN"`);
      expect(source, entry.api.operationId).not.toMatch(/--data-binary|Content-Type/);
      expect(context.tokenHeader).toBe(tokenHeader(documentedApi(spec).api));
    }
  });

  test("the TypeScript samples call the regional endpoint of the first server", () => {
    const { spec } = decorated();
    const [server] = serversOf(spec);
    expect(sourceOf("createPool", "TypeScript")).toContain(`endpoint: ${JSON.stringify(server!.url.replace("{region}", server!.defaults.region!))}`);
  });
});

describe("clientMethod", () => {
  test("is the client's own name of the operation's method, which is the operationId unless the client renames it", () => {
    expect(clientMethod("updatePool")).toBe("updatePool");
    expect(clientMethod("showPool")).toBe("getPool");
  });

  test("refuses an operation the client has no method for, also one named like a member of every object", () => {
    for (const id of ["listPoolProbes", "constructor", "toString"]) expect(() => clientMethod(id), id).toThrow(`@modelarts-pools/client has no method for ${id}`);
  });
});

describe("typescriptLiteral", () => {
  test("writes identifier keys bare, quotes the others, keeps short scalar arrays on one line", () => {
    expect(typescriptLiteral({ spec: { scope: ["Train", "Infer"], "os.modelarts/name": "pool-001", count: 2, gone: null } })).toBe(
      ['{', '  spec: {', '    scope: ["Train", "Infer"],', '    "os.modelarts/name": "pool-001",', "    count: 2,", "    gone: null,", "  },", "}"].join("\n"),
    );
  });

  test("writes arrays of objects one element per line", () => {
    expect(typescriptLiteral([{ flavor: "x", count: 1 }])).toBe('[\n  {\n    flavor: "x",\n    count: 1,\n  },\n]');
  });
});
