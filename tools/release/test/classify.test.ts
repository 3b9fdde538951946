import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { classify } from "../src/classify.js";
import { rules, type Rule } from "../src/differences.js";

// Each case is a fixture pair: fixtures/base.yaml (optionally edited into a different "before") and a copy of it
// with one edit, classified as old release → working spec.
type Doc = Record<string, any>;
const base = parse(readFileSync(new URL("./fixtures/base.yaml", import.meta.url), "utf8")) as Doc;

function pair(edit: (after: Doc) => void, editBefore?: (before: Doc) => void) {
  const before = structuredClone(base);
  editBefore?.(before);
  const after = structuredClone(before);
  edit(after);
  return classify(before, after);
}

const schemas = (doc: Doc): Doc => doc.components.schemas;
const pools = (doc: Doc): Doc => doc.paths["/v2/{project_id}/pools"];
const pool = (doc: Doc): Doc => doc.paths["/v2/{project_id}/pools/{pool_name}"];
const created = (doc: Doc): Doc => pools(doc).post.responses["200"];
const both = ["createPool 200 application/json", "updatePool 200 application/json"];
const createBody = ["createPool request application/json"];
const updateBody = ["updatePool request application/merge-patch+json"];

interface Case {
  name: string;
  before?: (doc: Doc) => void;
  edit: (doc: Doc) => void;
  expected: [Rule, string, string[]][];
}

const cases: Case[] = [
  // Paths and operations
  { name: "removing a path", edit: (d) => delete d.paths["/v2/{project_id}/pools/{pool_name}"],
    expected: [["path-removed", "removed path /v2/{project_id}/pools/{pool_name}", ["/v2/{project_id}/pools/{pool_name}"]]] },
  { name: "adding a path", edit: (d) => (d.paths["/v2/{project_id}/pools/{pool_name}/nodes"] = { get: { operationId: "listPoolNodes", responses: { "200": { description: "OK" } } } }),
    expected: [["path-added", "new path /v2/{project_id}/pools/{pool_name}/nodes", ["/v2/{project_id}/pools/{pool_name}/nodes"]]] },
  { name: "removing an operation", edit: (d) => delete pool(d).patch,
    expected: [["operation-removed", "removed operation updatePool (PATCH /v2/{project_id}/pools/{pool_name})", ["PATCH /v2/{project_id}/pools/{pool_name}"]]] },
  { name: "adding an operation", edit: (d) => (pool(d).get = { operationId: "showPool", responses: { "200": { description: "OK" } } }),
    expected: [["operation-added", "new operation showPool (GET /v2/{project_id}/pools/{pool_name})", ["GET /v2/{project_id}/pools/{pool_name}"]]] },
  { name: "renaming an operationId", edit: (d) => (pools(d).post.operationId = "createResourcePool"),
    expected: [["operation-id-changed", "operationId of POST /v2/{project_id}/pools changed from createPool to createResourcePool", ["createResourcePool"]]] },
  { name: "deprecating an operation", edit: (d) => (pools(d).post.deprecated = true),
    expected: [["deprecated", "operation createPool deprecated", ["createPool"]]] },

  // Parameters
  { name: "removing a parameter", edit: (d) => (pools(d).post.parameters = []),
    expected: [["parameter-removed", "removed header parameter X-ModelArts-User-ID of createPool", ["createPool"]]] },
  { name: "adding a required parameter", edit: (d) => pools(d).post.parameters.push({ name: "workspace_id", in: "query", required: true, schema: { type: "string" } }),
    expected: [["parameter-added-required", "new required query parameter workspace_id of createPool", ["createPool"]]] },
  { name: "adding an optional parameter", edit: (d) => pools(d).post.parameters.push({ name: "workspace_id", in: "query", schema: { type: "string" } }),
    expected: [["parameter-added-optional", "new optional query parameter workspace_id of createPool", ["createPool"]]] },
  { name: "making a parameter required", edit: (d) => (pools(d).post.parameters[0].required = true),
    expected: [["parameter-became-required", "header parameter X-ModelArts-User-ID of createPool became required", ["createPool"]]] },
  { name: "making a parameter optional", before: (d) => (pools(d).post.parameters[0].required = true), edit: (d) => (pools(d).post.parameters[0].required = false),
    expected: [["parameter-became-optional", "header parameter X-ModelArts-User-ID of createPool became optional", ["createPool"]]] },
  { name: "changing the case of a header name (matched, but generated types key on it)", edit: (d) => (pools(d).post.parameters[0].name = "x-modelarts-user-id"),
    expected: [["unclassified", "changed name of header parameter X-ModelArts-User-ID in a way no rule classifies (counted as breaking)", ["createPool"]]] },

  // Request bodies and responses
  { name: "making the request body required", before: (d) => (pools(d).post.requestBody.required = false), edit: (d) => (pools(d).post.requestBody.required = true),
    expected: [["request-body-became-required", "request body of createPool became required", ["createPool request"]]] },
  { name: "making the request body optional", edit: (d) => (pools(d).post.requestBody.required = false),
    expected: [["request-body-became-optional", "request body of createPool became optional", ["createPool request"]]] },
  { name: "changing the request media type", edit: (d) => {
      const content = pool(d).patch.requestBody.content;
      content["application/json"] = content["application/merge-patch+json"];
      delete content["application/merge-patch+json"];
    },
    expected: [
      ["request-media-type-removed", "removed request media type application/merge-patch+json of updatePool request", ["updatePool request application/merge-patch+json"]],
      ["request-media-type-added", "new request media type application/json of updatePool request", ["updatePool request application/json"]],
    ] },
  { name: "removing a response", edit: (d) => delete pools(d).post.responses["409"],
    expected: [["response-removed", "removed response 409 of createPool", ["createPool 409"]]] },
  { name: "adding a response", edit: (d) => (pool(d).patch.responses["404"] = { description: "Not found" }),
    expected: [["response-added", "new response 404 of updatePool", ["updatePool 404"]]] },
  { name: "removing a response media type", edit: (d) => (pools(d).post.responses["409"].content = {}),
    expected: [["response-media-type-removed", "removed response media type application/json of createPool 409", ["createPool 409 application/json"]]] },
  { name: "adding a response media type", edit: (d) => (pools(d).post.responses["409"].content["application/problem+json"] = { schema: { type: "object" } }),
    expected: [["response-media-type-added", "new response media type application/problem+json of createPool 409", ["createPool 409 application/problem+json"]]] },
  { name: "removing a response header", before: (d) => (created(d).headers = { "X-Request-Id": { schema: { type: "string" } } }), edit: (d) => delete created(d).headers,
    expected: [["response-header-removed", "removed response header X-Request-Id of createPool 200", ["createPool 200"]]] },
  { name: "adding a response header", edit: (d) => (created(d).headers = { "X-Request-Id": { schema: { type: "string" } } }),
    expected: [["response-header-added", "new response header X-Request-Id of createPool 200", ["createPool 200"]]] },

  // Request schema properties
  { name: "removing a request property", edit: (d) => delete schemas(d).PoolSpecCreation.properties.description,
    expected: [["request-property-removed", "removed request property CreatePoolRequest.spec.description", createBody]] },
  { name: "adding a required request property", edit: (d) => {
      schemas(d).PoolSpecCreation.properties.network = { type: "string" };
      schemas(d).PoolSpecCreation.required.push("network");
    },
    expected: [["request-property-added-required", "new required request property CreatePoolRequest.spec.network", createBody]] },
  { name: "adding an optional request property", edit: (d) => (schemas(d).PoolSpecCreation.properties.network = { type: "string" }),
    expected: [["request-property-added-optional", "new optional request property CreatePoolRequest.spec.network", createBody]] },
  { name: "making a request property required", edit: (d) => schemas(d).PoolSpecCreation.required.push("description"),
    expected: [["request-property-became-required", "request property CreatePoolRequest.spec.description became required", createBody]] },
  { name: "making a request property optional", edit: (d) => (schemas(d).PoolSpecCreation.required = ["type"]),
    expected: [["request-property-became-optional", "request property CreatePoolRequest.spec.resources became optional", createBody]] },

  // Response schema properties
  { name: "removing a response property (the gate's example)", edit: (d) => delete schemas(d).PoolStatus.properties.phase,
    expected: [["response-property-removed", "removed response property Pool.status.phase", both]] },
  { name: "adding a response property", edit: (d) => (schemas(d).PoolStatus.properties.root = { type: "string" }),
    expected: [["response-property-added", "new response property Pool.status.root", both]] },
  { name: "making a response property optional", edit: (d) => (schemas(d).PoolStatus.required = []),
    expected: [["response-property-became-optional", "response property Pool.status.phase became optional", both]] },
  { name: "making a response property required", edit: (d) => schemas(d).PoolStatus.required.push("message"),
    expected: [["response-property-became-required", "response property Pool.status.message became required", both]] },

  // Types
  { name: "changing a request type", edit: (d) => (schemas(d).PoolResource.properties.count = { type: "string" }),
    expected: [
      ["type-changed", "type of request property CreatePoolRequest.spec.resources[].count changed from integer to string", createBody],
      ["type-changed", "type of request property UpdatePoolRequest.spec.resources[].count changed from integer to string", updateBody],
      ["request-constraint-relaxed", "maximum of request property CreatePoolRequest.spec.resources[].count changed from 2000 to none", createBody],
      ["request-constraint-relaxed", "maximum of request property UpdatePoolRequest.spec.resources[].count changed from 2000 to none", updateBody],
      ["request-constraint-relaxed", "minimum of request property CreatePoolRequest.spec.resources[].count changed from 1 to none", createBody],
      ["request-constraint-relaxed", "minimum of request property UpdatePoolRequest.spec.resources[].count changed from 1 to none", updateBody],
    ] },
  { name: "widening a response type (null added: old clients do not expect it)", edit: (d) => (schemas(d).Pool.properties.metadata.properties.name.type = ["string", "null"]),
    expected: [["type-changed", "type of response property Pool.metadata.name changed from string to null | string", both]] },
  { name: "widening a request type", edit: (d) => (schemas(d).PoolResource.properties.count.type = "number"),
    expected: [
      ["request-type-widened", "type of request property CreatePoolRequest.spec.resources[].count widened from integer to number", createBody],
      ["request-type-widened", "type of request property UpdatePoolRequest.spec.resources[].count widened from integer to number", updateBody],
    ] },

  // Enums
  { name: "removing a request enum value", edit: (d) => (schemas(d).PoolType.enum = ["Dedicate"]),
    expected: [["request-enum-narrowed", "request property CreatePoolRequest.spec.type no longer accepts \"Logical\"", createBody]] },
  { name: "adding a request enum value", edit: (d) => schemas(d).PoolType.enum.push("Physical"),
    expected: [["request-enum-widened", "request property CreatePoolRequest.spec.type also accepts \"Physical\"", createBody]] },
  { name: "adding a response enum value", edit: (d) => schemas(d).PoolPhase.enum.push("Waiting"),
    expected: [["response-enum-widened", "response property Pool.status.phase may also be \"Waiting\"", both]] },
  { name: "removing a response enum value", edit: (d) => (schemas(d).PoolPhase.enum = ["Creating", "Running"]),
    expected: [["response-enum-narrowed", "response property Pool.status.phase is no longer \"Abnormal\"", both]] },

  // Patterns and bounds
  { name: "changing a request pattern", edit: (d) => (schemas(d).CreatePoolRequest.properties.metadata.properties.labels.properties["os.modelarts/name"].pattern = "^[a-z][-a-z0-9]{2,30}$"),
    expected: [["request-pattern-changed", "pattern of request property CreatePoolRequest.metadata.labels[\"os.modelarts/name\"] changed from \"^[a-z][-a-z0-9]{2,62}[a-z0-9]$\" to \"^[a-z][-a-z0-9]{2,30}$\"", createBody]] },
  { name: "removing a request pattern", edit: (d) => delete schemas(d).CreatePoolRequest.properties.metadata.properties.labels.properties["os.modelarts/name"].pattern,
    expected: [["request-pattern-removed", "pattern of request property CreatePoolRequest.metadata.labels[\"os.modelarts/name\"] changed from \"^[a-z][-a-z0-9]{2,62}[a-z0-9]$\" to none", createBody]] },
  { name: "lowering a request maximum", edit: (d) => (schemas(d).PoolSpecCreation.properties.description.maxLength = 64),
    expected: [["request-constraint-tightened", "maxLength of request property CreatePoolRequest.spec.description changed from 100 to 64", createBody]] },
  { name: "raising a request minimum", edit: (d) => (schemas(d).PoolSpecCreation.properties.resources.minItems = 2),
    expected: [["request-constraint-tightened", "minItems of request property CreatePoolRequest.spec.resources changed from 1 to 2", createBody]] },
  { name: "adding a request bound", edit: (d) => (schemas(d).PoolResource.properties.flavor.maxLength = 64),
    expected: [
      ["request-constraint-tightened", "maxLength of request property CreatePoolRequest.spec.resources[].flavor changed from none to 64", createBody],
      ["request-constraint-tightened", "maxLength of request property UpdatePoolRequest.spec.resources[].flavor changed from none to 64", updateBody],
    ] },
  { name: "raising a request maximum", edit: (d) => (schemas(d).PoolSpecCreation.properties.description.maxLength = 200),
    expected: [["request-constraint-relaxed", "maxLength of request property CreatePoolRequest.spec.description changed from 100 to 200", createBody]] },
  { name: "adding a response bound", edit: (d) => (schemas(d).Pool.properties.metadata.properties.name.maxLength = 64),
    expected: [["response-constraint-tightened", "maxLength of response property Pool.metadata.name changed from none to 64", both]] },
  { name: "raising a response maximum", before: (d) => (schemas(d).Pool.properties.metadata.properties.name.maxLength = 64),
    edit: (d) => (schemas(d).Pool.properties.metadata.properties.name.maxLength = 128),
    expected: [["response-constraint-loosened", "maxLength of response property Pool.metadata.name changed from 64 to 128", both]] },
  { name: "removing a response pattern", before: (d) => (schemas(d).Pool.properties.metadata.properties.name.pattern = "^[a-z]"),
    edit: (d) => delete schemas(d).Pool.properties.metadata.properties.name.pattern,
    expected: [["response-constraint-loosened", 'pattern of response property Pool.metadata.name changed from "^[a-z]" to none', both]] },

  // Servers: the client's region table
  { name: "removing a region", before: (d) => (d.servers[0].variables.region.enum = ["cn-north-1", "cn-north-4"]),
    edit: (d) => (d.servers[0].variables.region.enum = ["cn-north-4"]),
    expected: [["region-removed", "removed region cn-north-1 (https://modelarts.cn-north-1.myhuaweicloud.com)", ["servers"]]] },
  { name: "adding a region", edit: (d) => (d.servers[0].variables.region.enum = ["cn-north-4", "eu-west-101"]),
    expected: [["region-added", "new region eu-west-101 (https://modelarts.eu-west-101.myhuaweicloud.com)", ["servers"]]] },

  // Open and closed objects
  { name: "closing a request object", edit: (d) => (schemas(d).PoolResource.additionalProperties = false),
    expected: [
      ["request-closed", "request property CreatePoolRequest.spec.resources[] no longer accepts properties beyond those it lists (additionalProperties: false)", createBody],
      ["request-closed", "request property UpdatePoolRequest.spec.resources[] no longer accepts properties beyond those it lists (additionalProperties: false)", updateBody],
    ] },
  { name: "opening a request object", edit: (d) => delete schemas(d).CreatePoolRequest.additionalProperties,
    expected: [["request-opened", "request body CreatePoolRequest now accepts properties beyond those it lists (additionalProperties)", createBody]] },
  { name: "closing a response object", edit: (d) => (schemas(d).Pool.additionalProperties = false),
    expected: [["response-openness-changed", "response body Pool no longer has properties beyond those it lists (additionalProperties)", both]] },
  { name: "changing the schema of map values in a response", edit: (d) => (schemas(d).Pool.properties.metadata.properties.labels.additionalProperties = { type: "integer" }),
    expected: [["type-changed", "type of response property Pool.metadata.labels.* changed from string to integer", both]] },

  // Everything else
  { name: "changing a oneOf", before: (d) => (schemas(d).Pool.properties.kind = { oneOf: [{ const: "Pool" }, { const: "Cluster" }] }), edit: (d) => (schemas(d).Pool.properties.kind = { oneOf: [{ const: "Pool" }] }),
    expected: [["composition-changed", "oneOf of response property Pool.kind changed from 2 to 1 schemas (no rule proves it safe)", both]] },
  { name: "changing a request default", edit: (d) => (schemas(d).PoolSpecCreation.properties.description.default = ""),
    expected: [["default-changed", "default of request property CreatePoolRequest.spec.description changed from none to \"\"", createBody]] },
  { name: "deprecating a property", edit: (d) => (schemas(d).PoolStatus.properties.message.deprecated = true),
    expected: [["deprecated", "response property Pool.status.message deprecated", both]] },
  { name: "changing a description", edit: (d) => (schemas(d).PoolPhase.description = "Status of the pool's cluster."),
    expected: [["documentation-changed", "changed description of response property Pool.status.phase", both]] },
  { name: "changing a summary", edit: (d) => (pools(d).post.summary = "Create a resource pool"),
    expected: [["documentation-changed", "changed summary of operation createPool", ["createPool"]]] },
  { name: "changing an example behind a $ref", edit: (d) => (d.components.examples.createdPool.value.status.phase = "Running"),
    expected: [["documentation-changed", "changed examples of response application/json of createPool 200", ["createPool 200 application/json"]]] },
  { name: "changing info.description", edit: (d) => (d.info.description = "Fixture."),
    expected: [["documentation-changed", "changed info.description", ["info"]]] },
  { name: "describing a server (what it says of itself, not where a region is served)", edit: (d) => (d.servers[0].description = "The regional endpoint."),
    expected: [["documentation-changed", "changed servers", ["servers"]]] },
  { name: "moving a region to another endpoint", edit: (d) => (d.servers[0].url = "https://modelarts.{region}.example.com"),
    expected: [["region-removed", "region cn-north-4 moved from https://modelarts.cn-north-4.myhuaweicloud.com to https://modelarts.cn-north-4.example.com", ["servers"]]] },
  { name: "adding a keyword no rule knows", edit: (d) => (schemas(d).PoolStatus.properties.message.readOnly = true),
    expected: [["unclassified", "changed readOnly of response property Pool.status.message in a way no rule classifies (counted as breaking)", both]] },
];

describe("classify: one fixture pair per rule", () => {
  it.each(cases)("$name", ({ before, edit, expected }) => {
    const { level, differences } = pair(edit, before);
    expect(differences.map((d) => [d.rule, d.message, d.where])).toEqual(expected);
    const strongest = expected.map(([rule]) => rules[rule]).sort((a, b) => ["patch", "minor", "major"].indexOf(b) - ["patch", "minor", "major"].indexOf(a))[0];
    expect(level).toBe(strongest);
  });

  it("has a fixture pair for every rule", () => {
    const covered = new Set(cases.flatMap((c) => c.expected.map(([rule]) => rule)));
    expect(Object.keys(rules).filter((rule) => !covered.has(rule as Rule))).toEqual([]);
  });
});

describe("classify: what is not a difference", () => {
  it("finds none between a spec and itself", () => {
    expect(classify(base, structuredClone(base))).toEqual({ level: "none", differences: [] });
  });

  it("ignores info.version, which follows the package version", () => {
    expect(pair((d) => (d.info.version = "2.0.0")).level).toBe("none");
  });

  it("ignores components no operation uses", () => {
    expect(pair((d) => (schemas(d).Unused = { type: "integer" })).level).toBe("none");
  });

  it("resolves $refs before comparing: inlining a component changes nothing", () => {
    const inlined = pair((d) => {
      schemas(d).PoolStatus.properties.phase = structuredClone(schemas(d).PoolPhase);
      pools(d).post.requestBody.content["application/json"].schema = structuredClone(schemas(d).CreatePoolRequest);
    });
    expect(inlined.differences.filter((d) => d.level !== "patch")).toEqual([]);
  });

  it("stops at recursive schemas instead of looping", () => {
    const { differences } = pair((d) => (schemas(d).PoolStatus.properties.message.type = "integer"));
    expect(differences.map((d) => d.message)).toEqual(["type of response property Pool.status.message changed from string to integer"]);
  });
});

describe("the rules table of tools/release/README.md", () => {
  it("lists every rule with the release it needs", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const listed = Object.fromEntries([...readme.matchAll(/^\| `([a-z-]+)` \| (major|minor|patch) \|/gm)].map((m) => [m[1], m[2]]));
    expect(listed).toEqual(rules);
  });
});
