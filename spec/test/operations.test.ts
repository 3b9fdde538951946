// The one description of the operations that the client, the mock and the docs derive from: a small document that
// shows each rule, then the bundled spec.
import { describe, expect, it } from "vitest";
import { namedExample, type OpenApiDocument } from "../src/openapi.js";
import { describeApi } from "../src/operations.js";
import { spec } from "./spec.js";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  security: [{ token: [] }, { signed: [] }],
  paths: {
    "/v1/{project}/things/{thing}": {
      parameters: [
        { $ref: "#/components/parameters/project" },
        { name: "thing", in: "path", required: true },
      ],
      get: {
        operationId: "showThing",
        parameters: [{ name: "verbose", in: "query" }, { name: "X-Trace", in: "header", required: true }],
        responses: {
          "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" }, examples: { a: {}, b: {} } } } },
          "404": { $ref: "#/components/responses/Missing" },
          "204": { description: "nothing" },
        },
      },
      patch: {
        operationId: "updateThing",
        requestBody: { required: true, content: { "application/merge-patch+json": { schema: { $ref: "#/components/schemas/ThingPatch" } } } },
        responses: { "200": { description: "ok" } },
      },
      delete: { responses: { "200": { description: "no operationId: not described" } } },
    },
  },
  components: {
    parameters: { project: { name: "project", in: "path", required: true } },
    responses: { Missing: { content: { "application/json": { schema: { type: "object" }, examples: { missing: {} } } } } },
    securitySchemes: {
      token: { type: "apiKey", in: "header", name: "X-Token" },
      signed: { $ref: "#/components/securitySchemes/token" },
      unused: { type: "apiKey", in: "header", name: "X-Unused" },
    },
  },
};

describe("describeApi", () => {
  const { operations, security } = describeApi(document);

  it("describes each operation that has an operationId, keyed by it, with an upper-case method", () => {
    expect(Object.keys(operations)).toEqual(["showThing", "updateThing"]);
    expect(operations.showThing).toMatchObject({ method: "GET", path: "/v1/{project}/things/{thing}" });
  });

  it("lists path parameters in template order, path-level and operation-level parameters merged", () => {
    expect(operations.showThing!.pathParameters).toEqual([
      { name: "project", required: true },
      { name: "thing", required: true },
    ]);
    expect(operations.showThing!.queryParameters).toEqual([{ name: "verbose", required: false }]);
    expect(operations.showThing!.headerParameters).toEqual([{ name: "X-Trace", required: true }]);
  });

  it("gives the request media types and schema, or none for an operation without a body", () => {
    expect(operations.updateThing).toMatchObject({ requestMediaTypes: ["application/merge-patch+json"], requestBodyRequired: true, requestSchema: "ThingPatch" });
    expect(operations.showThing).toMatchObject({ requestMediaTypes: [], requestBodyRequired: false, requestSchema: undefined });
  });

  it("gives each response's media types, example names and schema, following references", () => {
    expect(operations.showThing!.responses).toEqual({
      "200": { mediaTypes: ["application/json"], examples: ["a", "b"], schema: "Thing" },
      "404": { mediaTypes: ["application/json"], examples: ["missing"], schema: undefined },
      "204": { mediaTypes: [], examples: [], schema: undefined },
    });
  });

  it("says which example answers a situation HTTP gives another status (x-answers), and only where one does", () => {
    const marked = structuredClone(document);
    const missing = (marked.components as any).responses.Missing.content["application/json"];
    missing.examples = { missing: {}, gone: { "x-answers": "410 Gone", value: {} } };
    expect(describeApi(marked).operations.showThing!.responses["404"]).toEqual({
      mediaTypes: ["application/json"],
      examples: ["missing", "gone"],
      schema: undefined,
      answers: { gone: 410 },
    });
    expect(Object.hasOwn(operations.showThing!.responses["200"]!, "answers")).toBe(false);
  });

  it("refuses an x-answers that does not start with an HTTP status, naming the example", () => {
    const marked = structuredClone(document);
    (marked.components as any).responses.Missing.content["application/json"].examples = { gone: { "x-answers": "Gone" } };
    expect(() => describeApi(marked)).toThrow('showThing: example gone has x-answers "Gone"');
  });

  it("names the apiKey schemes of the security requirements, following references", () => {
    expect(security).toEqual([
      { scheme: "token", in: "header", name: "X-Token" },
      { scheme: "signed", in: "header", name: "X-Token" },
    ]);
  });

  it("refuses a path parameter the template has but no parameter declares", () => {
    const broken = structuredClone(document);
    broken.paths["/v1/{project}/things/{thing}"]!.parameters = [{ name: "project", in: "path", required: true }];
    expect(() => describeApi(broken)).toThrow("showThing: path parameter thing is not declared");
  });
});

describe("the bundled spec", () => {
  const { operations, security } = describeApi(spec as OpenApiDocument);

  it("describes createPool and updatePool as the pages do", () => {
    expect(operations.createPool).toMatchObject({ method: "POST", path: "/v2/{project_id}/pools", requestMediaTypes: ["application/json"] });
    expect(operations.updatePool).toMatchObject({
      method: "PATCH",
      path: "/v2/{project_id}/pools/{pool_name}",
      requestMediaTypes: ["application/merge-patch+json"],
      requestSchema: "UpdatePoolRequest",
    });
    expect(operations.updatePool!.responses["404"]!.examples).toContain("poolNotFound");
  });

  it("describes showPool, listPools and deletePool as their pages do", () => {
    const userId = { name: "X-ModelArts-User-ID", required: false };
    expect(operations.showPool).toMatchObject({
      method: "GET",
      path: "/v2/{project_id}/pools/{pool_name}",
      headerParameters: [userId],
      requestMediaTypes: [],
      responses: { "200": { mediaTypes: ["application/json"], examples: ["runningPool"], schema: "Pool" } },
    });
    expect(operations.listPools).toMatchObject({
      method: "GET",
      path: "/v2/{project_id}/pools",
      queryParameters: ["workspaceId", "labelSelector", "status"].map((name) => ({ name, required: false })),
      headerParameters: [],
      responses: { "200": { examples: ["poolList"], schema: "PoolList" } },
    });
    expect(operations.deletePool).toMatchObject({
      method: "DELETE",
      path: "/v2/{project_id}/pools/{pool_name}",
      headerParameters: [userId],
      requestMediaTypes: [],
      responses: { "200": { examples: ["deletingPool"], schema: "PoolDeletion" } },
    });
  });

  it("answers 404 ModelArts.50015001 wherever a pool name is given", () => {
    const named = Object.values(operations).filter((op) => op.pathParameters.some((parameter) => parameter.name === "pool_name"));
    const inPaths = Object.entries<Record<string, { operationId?: string }>>(spec.paths)
      .filter(([path]) => path.includes("{pool_name}"))
      .flatMap(([, item]) => Object.values(item).flatMap((op) => (op?.operationId ? [op.operationId] : [])));
    expect(inPaths.length).toBeGreaterThan(0);
    expect(named.map((op) => op.operationId).sort()).toEqual(inPaths.sort());
    for (const op of named) {
      const notFound = op.responses["404"];
      expect(notFound, op.operationId).toMatchObject({ schema: "ModelArtsError", examples: ["poolNotFound"] });
      expect(namedExample(spec, "poolNotFound")).toEqual({ error_code: "ModelArts.50015001", error_msg: "pool not found" });
    }
  });

  it("has a named example for every answer that has a body, of every operation", () => {
    const bare = Object.values(operations).flatMap((op) =>
      Object.entries(op.responses)
        .filter(([, response]) => response.mediaTypes.length > 0 && response.examples.length === 0)
        .map(([status]) => `${op.operationId} ${status}`),
    );
    expect(bare).toEqual([]);
  });

  it("has no body only where the page documents none: the 200 of Deleting nodes in batches", () => {
    const bodiless = Object.values(operations).flatMap((op) =>
      Object.entries(op.responses).filter(([, response]) => response.mediaTypes.length === 0).map(([status]) => `${op.operationId} ${status}`),
    );
    expect(bodiless).toEqual(["batchDeletePoolNodes 200"]);
  });

  it("describes listPoolNodes, batchDeletePoolNodes and listResourceFlavors as their pages do", () => {
    const paging = ["limit", "continue"].map((name) => ({ name, required: false }));
    expect(operations.listPoolNodes).toMatchObject({
      method: "GET",
      path: "/v2/{project_id}/pools/{pool_name}/nodes",
      queryParameters: paging,
      headerParameters: [],
      requestMediaTypes: [],
      responses: { "200": { mediaTypes: ["application/json"], examples: ["nodeListFirstPage", "nodeListLastPage"], schema: "NodeList" } },
    });
    expect(operations.batchDeletePoolNodes).toMatchObject({
      method: "POST",
      path: "/v2/{project_id}/pools/{pool_name}/nodes/batch-delete",
      queryParameters: [],
      headerParameters: [],
      requestMediaTypes: ["application/json"],
      requestBodyRequired: true,
      requestSchema: "BatchDeletePoolNodesRequest",
      responses: { "200": { mediaTypes: [], examples: [], schema: undefined }, "404": { examples: ["poolNotFound"] } },
    });
    expect(operations.listResourceFlavors).toMatchObject({
      method: "GET",
      path: "/v1/{project_id}/resourceflavors",
      pathParameters: [{ name: "project_id", required: true }],
      queryParameters: [...paging, { name: "labelSelector", required: false }],
      responses: {
        "200": { examples: ["resourceFlavorList"], schema: "ResourceFlavorList" },
        "401": { examples: ["tokenInvalid"], schema: "ModelArtsError" },
        "404": { examples: ["resourceFlavorNotFound"], schema: "ModelArtsError" },
      },
    });
  });

  it("marks updatePool's contentTypeNotSupported as the answer to what HTTP calls 415, and nothing else", () => {
    expect(operations.updatePool!.responses["400"]).toMatchObject({ examples: ["badRequest", "contentTypeNotSupported"], answers: { contentTypeNotSupported: 415 } });
    const marked = Object.values(operations).flatMap((operation) => Object.values(operation.responses).flatMap((response) => Object.keys(response.answers ?? {})));
    expect(marked).toEqual(["contentTypeNotSupported"]);
  });

  it("names the token header and the signature header", () => {
    expect(security.map((scheme) => scheme.name)).toEqual(["X-Auth-Token", "Authorization"]);
  });
});
