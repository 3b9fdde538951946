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
