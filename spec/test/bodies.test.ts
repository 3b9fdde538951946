// Strict where the page is the contract (request bodies), tolerant where the wire is richer (responses).
import { describe, expect, it } from "vitest";
import { namedExample } from "../src/openapi.js";
import { requestBodyValidators, schemaValidator, type ValidationResult } from "../src/validator.js";
import { spec, type Schema } from "./spec.js";

const validators = requestBodyValidators(spec as never);
const validateCreate = validators.createPool!["application/json"]!;
const validateUpdate = validators.updatePool!["application/merge-patch+json"]!;
const validatePool = schemaValidator(spec as never, "Pool");

const example = (name: string) => namedExample<Schema>(spec, name);
const createBody = () => example("createDedicatedPool");

function problems(result: ValidationResult) {
  expect(result.valid).toBe(false);
  return result.valid ? [] : result.problems;
}

describe("createPool request bodies", () => {
  it("refuses a body without the name label, naming the label", () => {
    const body = createBody();
    delete body.metadata.labels["os.modelarts/name"];
    expect(problems(validateCreate(body))).toContainEqual({
      field: 'metadata.labels["os.modelarts/name"]',
      pointer: "/metadata/labels/os.modelarts~1name",
      rule: "required",
      message: 'metadata.labels["os.modelarts/name"] is required',
    });
  });

  it("refuses a scope that is not a job type, listing the job types", () => {
    const body = createBody();
    body.spec.scope = ["Training"];
    expect(problems(validateCreate(body))).toContainEqual(
      expect.objectContaining({ field: "spec.scope[0]", rule: "enum", message: 'spec.scope[0] must be one of "Train", "Infer", "Notebook"' }),
    );
  });

  it("refuses a count written as a string", () => {
    const body = createBody();
    body.spec.resources[0].count = "1";
    expect(problems(validateCreate(body))).toContainEqual(
      expect.objectContaining({
        field: "spec.resources[0].count",
        pointer: "/spec/resources/0/count",
        rule: "type",
        message: "spec.resources[0].count must be of type integer",
      }),
    );
  });

  it("refuses apiVersion v1", () => {
    const body = createBody();
    body.apiVersion = "v1";
    expect(problems(validateCreate(body))).toContainEqual(expect.objectContaining({ field: "apiVersion", rule: "enum" }));
  });

  it("refuses an unknown field in spec, such as the typo resouces", () => {
    const body = createBody();
    body.spec.resouces = body.spec.resources;
    expect(problems(validateCreate(body))).toContainEqual(
      expect.objectContaining({ field: "spec.resouces", pointer: "/spec/resouces", rule: "additionalProperties" }),
    );
  });

  it("refuses an unknown field in the shared driver object of a request", () => {
    const body = createBody();
    body.spec.driver.cudaVersion = "12";
    expect(problems(validateCreate(body))).toContainEqual(expect.objectContaining({ field: "spec.driver.cudaVersion", rule: "unevaluatedProperties" }));
  });

  it("refuses a name label that breaks the API Explorer pattern", () => {
    const body = createBody();
    body.metadata.labels["os.modelarts/name"] = "Pool_1";
    expect(problems(validateCreate(body))).toContainEqual(expect.objectContaining({ field: 'metadata.labels["os.modelarts/name"]', rule: "pattern" }));
  });

  it("accepts labels and annotations beyond the page's keys when they are strings", () => {
    const body = createBody();
    body.metadata.labels["os.modelarts/node.prefix"] = "ma";
    body.metadata.annotations["os.modelarts/auto.pay"] = "1";
    expect(validateCreate(body)).toEqual({ valid: true });
    body.metadata.annotations["os.modelarts/auto.pay"] = 1;
    expect(problems(validateCreate(body))).toContainEqual(expect.objectContaining({ field: 'metadata.annotations["os.modelarts/auto.pay"]', rule: "type" }));
  });

  it("reports every problem of a body at once", () => {
    const body = createBody();
    body.kind = "Pools";
    body.spec.scope = [];
    delete body.spec.network;
    expect(problems(validateCreate(body)).map((p) => p.field).sort()).toEqual(["kind", "spec.network", "spec.scope"]);
  });
});

describe("updatePool merge-patch bodies", () => {
  it("accepts the page's example and an empty patch", () => {
    expect(validateUpdate(example("scaleOutPool"))).toEqual({ valid: true });
    expect(validateUpdate({})).toEqual({ valid: true });
  });

  it.each(["<", ">", "!", "=", "&", '"', "'"])("refuses a description with %s", (character) => {
    const patch = { metadata: { annotations: { "os.modelarts/description": `for team ${character} a` } } };
    expect(problems(validateUpdate(patch))).toContainEqual(
      expect.objectContaining({ field: 'metadata.annotations["os.modelarts/description"]', rule: "pattern" }),
    );
  });

  it("refuses counts outside 1 to 2000", () => {
    for (const count of [0, 2001]) {
      const patch = { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count }] } };
      expect(problems(validateUpdate(patch))).toContainEqual(expect.objectContaining({ field: "spec.resources[0].count" }));
    }
  });

  it("refuses fields the update page does not list, such as spec.type", () => {
    expect(problems(validateUpdate({ spec: { type: "Dedicate" } }))).toContainEqual(expect.objectContaining({ field: "spec.type" }));
  });
});

describe("batchDeletePoolNodes request bodies", () => {
  const validateDelete = validators.batchDeletePoolNodes!["application/json"]!;

  it("accept the page's example", () => {
    expect(validateDelete(example("deleteNodes"))).toEqual({ valid: true });
  });

  it("refuse a body without deleteNodeNames, naming the field", () => {
    expect(problems(validateDelete({}))).toContainEqual(expect.objectContaining({ field: "deleteNodeNames", rule: "required" }));
  });

  it("refuse an empty list: at least one node is named", () => {
    expect(problems(validateDelete({ deleteNodeNames: [] }))).toContainEqual(expect.objectContaining({ field: "deleteNodeNames", rule: "minItems" }));
  });

  it("refuse a name that is empty or not a string", () => {
    expect(problems(validateDelete({ deleteNodeNames: [""] }))).toContainEqual(expect.objectContaining({ field: "deleteNodeNames[0]", rule: "minLength" }));
    expect(problems(validateDelete({ deleteNodeNames: [1] }))).toContainEqual(expect.objectContaining({ field: "deleteNodeNames[0]", rule: "type" }));
  });

  it("refuse a field the page does not list, such as nodeNames", () => {
    expect(problems(validateDelete({ deleteNodeNames: ["os-node-created-mnmcf"], nodeNames: [] }))).toContainEqual(
      expect.objectContaining({ field: "nodeNames", rule: "additionalProperties" }),
    );
  });
});

describe("node and resource flavor lists", () => {
  const validateNodes = schemaValidator(spec as never, "NodeList");
  const validateFlavors = schemaValidator(spec as never, "ResourceFlavorList");

  it("accept extra fields, labels, annotations and resources, and a page without metadata", () => {
    const page = example("nodeListLastPage");
    delete page.metadata;
    const [node] = page.items;
    node.metadata.labels["os.modelarts.node/spod.id"] = "spod-1";
    node.metadata.annotations = { "os.modelarts/unknown": "x" };
    node.status.resources["ephemeral-storage"] = "100Gi";
    node.spec.os = { name: "EulerOS" };
    page.unknownTopLevel = true;
    expect(validateNodes(page)).toEqual({ valid: true });
  });

  it("refuse a node without a name", () => {
    const page = example("nodeListFirstPage");
    delete page.items[0].metadata.name;
    expect(problems(validateNodes(page))).toContainEqual(expect.objectContaining({ field: "items[0].metadata.name", rule: "required" }));
  });

  it("accept a flavor without status or labels, as the page's own example answers one", () => {
    const list = example("resourceFlavorList");
    delete list.items[1].status;
    list.items[1].metadata.labels = {};
    list.items[1].spec.dataVolume = [{ volumeType: "SSD", size: "100Gi" }];
    expect(validateFlavors(list)).toEqual({ valid: true });
  });

  it("refuse an AZ sales status other than normal and soldout", () => {
    const list = example("resourceFlavorList");
    list.items[0].status.phase["cn-north-4a"] = "available";
    expect(problems(validateFlavors(list))).toContainEqual(expect.objectContaining({ rule: "enum" }));
  });
});

describe("Pool responses", () => {
  it("accept extra labels, annotations and fields, and no phase", () => {
    const pool = example("scaledPool");
    pool.metadata.labels["os.modelarts/tenant.project.id"] = "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1";
    pool.metadata.annotations["os.modelarts/flavor.resource.ids"] = '{"modelarts.vm.cpu.4ud":["id-1"]}';
    pool.metadata.annotations["os.modelarts/order.name"] = "order-1";
    pool.spec.containerNetwork = { mode: "overlay" };
    pool.status = { resources: {}, clusters: [{ name: "c" }] };
    pool.unknownTopLevel = true;
    expect(validatePool(pool)).toEqual({ valid: true });
  });

  it("accept the phases and scope states seen on the wire", () => {
    const pool = example("scaledPool");
    pool.status.phase = "ScalingFailed";
    pool.status.scope[0].state = "EnableFailed";
    expect(validatePool(pool)).toEqual({ valid: true });
  });

  it("accept a controlMode that combines restrictions (9 = 8 + 1)", () => {
    const pool = example("scaledPool");
    pool.spec.controlMode = 9;
    expect(validatePool(pool)).toEqual({ valid: true });
  });

  it("still refuse a status.resources state that is an object, as the page's table would have it", () => {
    const pool = example("scaledPool");
    pool.status.resources.available = { flavor: "modelarts.vm.cpu.4ud", count: 2 };
    expect(problems(validatePool(pool))).toContainEqual(expect.objectContaining({ field: "status.resources.available", rule: "type" }));
  });
});

describe("a request body behind a $ref", () => {
  it("is judged by the schema of the component it references", () => {
    const document = {
      openapi: "3.1.0",
      info: { title: "a $ref test", version: "0" },
      paths: { "/pools": { post: { operationId: "createPool", requestBody: { $ref: "#/components/requestBodies/CreatePool" } } } },
      components: {
        requestBodies: { CreatePool: { content: { "application/json": { schema: { type: "object", required: ["name"] } } } } },
      },
    };
    const validate = requestBodyValidators(document).createPool!["application/json"]!;
    expect(validate({ name: "pool-001" })).toEqual({ valid: true });
    expect(problems(validate({}))).toEqual([{ field: "name", pointer: "/name", rule: "required", message: "name is required" }]);
  });
});
