// src/generated/operations.ts is the client's whole knowledge of the wire (methods, paths, media types, the spec's
// header names). These tests show what the generator makes of the spec and of a spec edit; that the build runs it is
// the build graph's test (scripts/test/in-copy/build-graph.ts), and what the client sends, requests.test.ts's.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describeApi } from "@modelarts-pools/spec/operations";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { describe, expect, test } from "vitest";
import { clientOperations, generatedFile, generateMethods, poolPhases as phasesOf, regionServers as serversOf } from "../scripts/generate-operations.mjs";
import { specWithOneMoreOperation } from "../scripts/browser-bundle.mjs";
import { poolPhases, regionServers, tokenHeader, userIdHeader } from "../src/generated/operations.js";

const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json") as OpenApiDocument;

/** The bundled spec with one more path, as a spec edit would add it. */
function specWith(path: string, item: Record<string, unknown>): OpenApiDocument {
  const document = structuredClone(spec);
  document.paths[path] = { ...(document.paths[path] ?? {}), ...item } as never;
  return document;
}

describe("src/generated/operations.ts", () => {
  test("says in its first line that it is generated", async () => {
    const [firstLine] = (await readFile(generatedFile, "utf8")).split("\n");
    expect(firstLine).toMatch(/^\/\/ Generated from @modelarts-pools\/spec .* Do not edit/);
  });

  test("names the token's header and the user ID header as the spec spells them, lower-cased", () => {
    const api = describeApi(spec);
    expect(tokenHeader).toBe(api.security.find((scheme) => scheme.scheme === "token")!.name.toLowerCase());
    expect(Object.values(api.operations).flatMap((operation) => operation.headerParameters.map((parameter) => parameter.name.toLowerCase()))).toContain(userIdHeader);
  });
});

describe("the regions and the pool phases come from the spec", () => {
  /** The spec's servers, read here independently of the generator: region → URL with the region filled in. */
  function endpointsOf(document: OpenApiDocument): Record<string, string> {
    const table: Record<string, string> = {};
    for (const server of document.servers as { url: string; variables?: { region?: { enum?: string[]; default: string } } }[]) {
      for (const region of server.variables?.region?.enum ?? []) table[region] = server.url.replace("{region}", region);
    }
    return table;
  }

  test("every region of the servers' enums, each at its server's URL, and nothing else", () => {
    const generated = Object.fromEntries(regionServers.flatMap(([url, regions]) => regions.split(", ").map((region) => [region, url.replace("{region}", region)])));
    expect(generated).toEqual(endpointsOf(spec));
    // FACTS.md, "Transport": 21 regions under .com, and CN-Hong Kong under .cn.
    expect(Object.keys(generated)).toHaveLength(22);
    expect(generated["ap-southeast-1"]).toBe("https://modelarts.ap-southeast-1.myhuaweicloud.cn");
    expect(generated["cn-north-4"]).toBe("https://modelarts.cn-north-4.myhuaweicloud.com");
  });

  test("a region the spec adds to a server reaches the table; a region two servers claim stops the generation", () => {
    const document = structuredClone(spec) as OpenApiDocument & { servers: { url: string; variables: { region: { enum: string[] } } }[] };
    document.servers[0]!.variables.region.enum.push("eu-west-101");
    expect(serversOf(document)[0]![1]).toContain("eu-west-101");
    document.servers[1]!.variables.region.enum.push("eu-west-101");
    expect(() => serversOf(document)).toThrow("region eu-west-101 is served by two servers (https://modelarts.{region}.myhuaweicloud.com and https://modelarts.{region}.myhuaweicloud.cn)");
  });

  test("a server variable the client has no option for, or a region that is not a DNS label, stops the generation", () => {
    const withTenant = structuredClone(spec) as OpenApiDocument & { servers: { url: string; variables: Record<string, unknown> }[] };
    withTenant.servers[0]!.url = "https://{tenant}.modelarts.{region}.myhuaweicloud.com";
    expect(() => serversOf(withTenant)).toThrow("has a variable {tenant} besides {region}");
    const odd = structuredClone(spec) as OpenApiDocument & { servers: { variables: { region: { enum: string[] } } }[] };
    odd.servers[0]!.variables.region.enum.push("eu-west-1, cn-north-4");
    expect(() => serversOf(odd)).toThrow('has a region that is not one DNS label: "eu-west-1, cn-north-4"');
    expect(() => serversOf({ ...spec, servers: [] })).toThrow("no server of the spec has a {region} variable");
  });

  test("the pool phases are the PoolPhase enum", () => {
    const schemas = (spec.components as { schemas: { PoolPhase: { enum: string[] } } }).schemas;
    expect(poolPhases).toEqual(schemas.PoolPhase.enum);
    expect(phasesOf(spec)).toEqual([...poolPhases]);
  });
});

describe("an operation the spec adds reaches the client with no hand edit", () => {
  const listPools = {
    get: {
      operationId: "listPools",
      parameters: [
        { name: "workspaceId", in: "query", schema: { type: "string" } },
        { name: "labelSelector", in: "query", schema: { type: "string" } },
      ],
      responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };

  test("a GET with query parameters and no body: no request media type, its query names", () => {
    expect(clientOperations(specWith("/v2/{project_id}/pools", listPools)).operations["listPools"]).toEqual({
      method: "GET",
      path: "/v2/{project_id}/pools",
      accept: "application/json",
      query: ["workspaceId", "labelSelector"],
      returns: "items", // scripts/method-overrides.mjs
    });
  });

  test("a DELETE with the user ID header parameter keeps the one header name", () => {
    const deletePool = {
      delete: {
        operationId: "deletePool",
        parameters: [{ $ref: "#/components/parameters/pool_name_lifecycle" }, { $ref: "#/components/parameters/X-ModelArts-User-ID" }],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
      },
    };
    const generated = clientOperations(specWith("/v2/{project_id}/pools/{pool_name}", deletePool));
    expect(generated.operations["deletePool"]).toEqual({ method: "DELETE", path: "/v2/{project_id}/pools/{pool_name}", accept: "application/json" });
    expect(generated.userIdHeader).toBe(userIdHeader);
  });

  test("a second header parameter stops the generation with a sentence naming both", () => {
    const traced = { get: { ...listPools.get, parameters: [{ name: "X-Trace-Id", in: "header", schema: { type: "string" } }] } };
    expect(() => clientOperations(specWith("/v2/{project_id}/pools", traced))).toThrow(/declare 2 header parameters \(.*X-Trace-Id.*\); the client maps its userId option to exactly one/);
  });

  test("a spec without the token scheme stops the generation", () => {
    const document = structuredClone(spec);
    document.security = [{ akSkSignature: [] }];
    expect(() => clientOperations(document)).toThrow(/no "token" security scheme sent in a header/);
  });
});

describe("the methods the client makes of the operations", () => {
  test("an operation the spec adds is a method typed by the spec; a paged one also an iterator over its items", () => {
    const methods = generateMethods(specWithOneMoreOperation(spec) as never);
    expect(methods).toContain(
      '  listPoolProbes(poolName: string, query?: NonNullable<Api["listPoolProbes"]["parameters"]["query"]>, options?: RetryCallOptions): Promise<components["schemas"]["ProbeList"]>;',
    );
    expect(methods).toContain(
      '  listPoolProbesAll(poolName: string, query?: Omit<NonNullable<Api["listPoolProbes"]["parameters"]["query"]>, "continue">, options?: RetryCallOptions): AsyncIterable<NonNullable<components["schemas"]["ProbeList"]["items"]>[number]>;',
    );
    expect(clientOperations(specWithOneMoreOperation(spec) as never).operations["listPoolProbes"]).toMatchObject({ query: ["limit", "continue"], pages: true });
  });

  test("a POST takes its body before its query and the options that cannot retry; an answer without a body is void", () => {
    const document = structuredClone(spec) as OpenApiDocument & { paths: Record<string, unknown> };
    document.paths["/v2/{project_id}/pools/{pool_name}/probes/run"] = {
      post: {
        operationId: "runPoolProbe",
        parameters: [{ name: "project_id", in: "path", required: true }, { name: "pool_name", in: "path", required: true }, { name: "dryRun", in: "query", required: true, schema: { type: "boolean" } }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreatePoolRequest" } } } },
        responses: { 200: { description: "OK" } },
      },
    };
    expect(generateMethods(document)).toContain(
      '  runPoolProbe(poolName: string, body: components["schemas"]["CreatePoolRequest"], query: Api["runPoolProbe"]["parameters"]["query"], options?: CallOptions): Promise<void>;',
    );
  });

  test("the declared overrides rename and unwrap, and one that names an operation the spec has no more stops the generation", () => {
    const { operations } = clientOperations();
    expect(operations["showPool"]).toMatchObject({ name: "getPool" });
    expect(operations["listPools"]).toMatchObject({ returns: "items" });
    expect(() => clientOperations(spec, { showPools: { name: "getPools" } })).toThrow("scripts/method-overrides.mjs names showPools, which the spec has no more");
  });

  test("two operations that would be one method stop the generation, naming both", () => {
    expect(() => clientOperations(spec, { showPool: { name: "getPool" }, deletePool: { name: "getPool" } })).toThrow("two operations would be the client method getPool (showPool and deletePool)");
  });
});
