// Reading a document through the shared helpers: small documents that each show one rule, then the bundled spec.
import { describe, expect, it } from "vitest";
import { deref, inline, namedExample, operationsOf, resolveRef } from "../src/openapi.js";
import { spec } from "./spec.js";

const pool = { type: "object", description: "A pool.", properties: { name: { type: "string" } } };

describe("deref", () => {
  it("follows a chain of references to the object they name, and says which reference named it", () => {
    const document = { components: { schemas: { Pool: pool, Alias: { $ref: "#/components/schemas/Pool" } } } };
    expect(resolveRef(document, { $ref: "#/components/schemas/Alias" })).toEqual({ node: pool, ref: "#/components/schemas/Pool" });
  });

  it("lets the keywords beside a $ref override the target's, and leaves the target as it was", () => {
    const document = { components: { schemas: { Pool: pool } } };
    const node = deref(document, { $ref: "#/components/schemas/Pool", description: "The pool to create." });
    expect(node).toEqual({ ...pool, description: "The pool to create." });
    expect(document.components.schemas.Pool.description).toBe("A pool.");
  });

  it("refuses a chain of references that comes back on itself", () => {
    const document = { components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } };
    expect(() => deref(document, { $ref: "#/components/schemas/A" })).toThrow("$ref cycle through #/components/schemas/A");
  });

  it("names a reference that points at nothing, and one outside the document", () => {
    expect(() => deref({ components: {} }, { $ref: "#/components/schemas/Missing" })).toThrow("$ref #/components/schemas/Missing points at nothing");
    expect(() => deref({}, { $ref: "other.yaml#/Pool" })).toThrow("external $ref other.yaml#/Pool is not supported");
  });

  it("reads escaped pointer tokens (~1 for /, ~0 for ~)", () => {
    const document = { paths: { "/v2/{project_id}/pools": { "x~y": { summary: "found" } } } };
    expect(deref(document, { $ref: "#/paths/~1v2~1{project_id}~1pools/x~0y" })).toEqual({ summary: "found" });
  });

  it("gives back the node itself when it holds no reference, and {} for what is not an object", () => {
    expect(deref({}, pool)).toBe(pool);
    expect(deref({}, undefined)).toEqual({});
  });
});

describe("inline", () => {
  it("inlines references at any depth and leaves a recursive one as it is", () => {
    const node = { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } };
    const document = { components: { schemas: { Node: node } } };
    expect(inline(document, { $ref: "#/components/schemas/Node" })).toEqual({
      type: "object",
      properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } },
    });
  });
});

describe("operationsOf", () => {
  const document = {
    paths: {
      "/v2/{project_id}/pools/{pool_name}": {
        summary: "not an operation",
        parameters: [{ $ref: "#/components/parameters/project_id" }, { name: "pool_name", in: "path", description: "path level" }],
        patch: {
          operationId: "updatePool",
          parameters: [{ name: "pool_name", in: "path", description: "operation level" }, { name: "pool_name", in: "query" }],
          requestBody: { $ref: "#/components/requestBodies/UpdatePool" },
        },
        get: { operationId: "showPool" },
      },
    },
    components: {
      parameters: { project_id: { name: "project_id", in: "path" } },
      requestBodies: { UpdatePool: { content: { "application/merge-patch+json": {} } } },
    },
  };

  it("lists each operation with its path, method and operationId, skipping the path item's other keys", () => {
    expect(operationsOf(document).map(({ path, method, operationId }) => ({ path, method, operationId }))).toEqual([
      { path: "/v2/{project_id}/pools/{pool_name}", method: "patch", operationId: "updatePool" },
      { path: "/v2/{project_id}/pools/{pool_name}", method: "get", operationId: "showPool" },
    ]);
  });

  it("merges the path item's parameters into the operation's, dereferenced, the operation's winning on name and in", () => {
    const [update, show] = operationsOf(document);
    expect(update!.parameters).toEqual([
      { name: "project_id", in: "path" },
      { name: "pool_name", in: "path", description: "operation level" },
      { name: "pool_name", in: "query" },
    ]);
    expect(show!.parameters.map((p) => p.description ?? p.name)).toEqual(["project_id", "path level"]);
  });

  it("follows the request body's reference, and keeps the operation object of the document itself", () => {
    const [update, show] = operationsOf(document);
    expect(update!.requestBody).toEqual({ content: { "application/merge-patch+json": {} } });
    expect(show!.requestBody).toBeUndefined();
    expect(update!.operation).toBe(document.paths["/v2/{project_id}/pools/{pool_name}"].patch);
  });

  it("finds the bundled spec's operations: every method of every path, in the document's order", () => {
    const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    const written = Object.values<Record<string, { operationId?: string }>>(spec.paths).flatMap((item) =>
      Object.entries(item).filter(([key]) => methods.includes(key)).map(([, op]) => op.operationId),
    );
    expect(written.length).toBeGreaterThan(0);
    expect(operationsOf(spec).map((operation) => operation.operationId)).toEqual(written);
  });
});

describe("namedExample", () => {
  it("gives a fresh copy every call, so an edit never reaches the spec or the next caller", () => {
    const first = namedExample<{ metadata: { labels: Record<string, string> } }>(spec, "createDedicatedPool");
    first.metadata.labels["os.modelarts/name"] = "changed";
    const second = namedExample<{ metadata: { labels: Record<string, string> } }>(spec, "createDedicatedPool");
    expect(second.metadata.labels["os.modelarts/name"]).not.toBe("changed");
    expect(second).toEqual(spec.components.examples.createDedicatedPool.value);
    expect(second).not.toBe(spec.components.examples.createDedicatedPool.value);
  });

  it("names an example the spec does not have", () => {
    expect(() => namedExample(spec, "noSuchExample")).toThrow("the spec has no example named noSuchExample");
  });
});
