import { describe, expectTypeOf, test } from "vitest";
import type { CreatePoolRequest, PoolDriver, PoolNodeAz, PoolScope, UpdatePoolRequest } from "../src/index.js";

const dedicatedPool = {
  apiVersion: "v2",
  kind: "Pool",
  metadata: { labels: { "os.modelarts/name": "pool-001" } },
  spec: {
    type: "Dedicate",
    scope: ["Train"],
    network: { name: "net-0123" },
    resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 2 }],
  },
} satisfies CreatePoolRequest;

describe("CreatePoolRequest", () => {
  test("accepts the page's dedicated pool and extra string labels", () => {
    expectTypeOf(dedicatedPool).toExtend<CreatePoolRequest>();
    expectTypeOf({
      ...dedicatedPool,
      metadata: { labels: { "os.modelarts/name": "pool-001", "os.modelarts/node.prefix": "gpu" } },
    }).toExtend<CreatePoolRequest>();
  });

  test("a body without the name label does not compile", () => {
    const body: CreatePoolRequest = {
      ...dedicatedPool,
      // @ts-expect-error os.modelarts/name is required
      metadata: { labels: { "os.modelarts/workspace.id": "0" } },
    };
    expectTypeOf(body).toEqualTypeOf<CreatePoolRequest>();
  });

  test("a job type outside the enum does not compile", () => {
    // @ts-expect-error "Training" is not a PoolScope
    const scope: PoolScope[] = ["Training"];
    expectTypeOf(scope).toEqualTypeOf<PoolScope[]>();
    expectTypeOf<PoolScope>().toEqualTypeOf<"Train" | "Infer" | "Notebook">();
  });

  test("a string count does not compile", () => {
    const body: CreatePoolRequest = {
      ...dedicatedPool,
      spec: {
        ...dedicatedPool.spec,
        // @ts-expect-error count is an integer, not a string
        resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: "2" }],
      },
    };
    expectTypeOf(body).toEqualTypeOf<CreatePoolRequest>();
  });

  test("a misspelled field does not compile", () => {
    const body: CreatePoolRequest = {
      ...dedicatedPool,
      spec: {
        ...dedicatedPool.spec,
        // @ts-expect-error jobFlavours is not a field (jobFlavors is)
        jobFlavours: ["modelarts.vm.gpu.tnt004"],
      },
    };
    expectTypeOf(body).toEqualTypeOf<CreatePoolRequest>();
  });

  test("apiVersion and kind are fixed", () => {
    expectTypeOf<CreatePoolRequest["apiVersion"]>().toEqualTypeOf<"v2">();
    expectTypeOf<CreatePoolRequest["kind"]>().toEqualTypeOf<"Pool">();
  });
});

describe("UpdatePoolRequest", () => {
  test("every part of the merge patch is optional", () => {
    expectTypeOf({}).toExtend<UpdatePoolRequest>();
    expectTypeOf({ spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 3 }] } }).toExtend<UpdatePoolRequest>();
  });

  test("an AZ count given as a string does not compile", () => {
    // @ts-expect-error azs[].count is an integer
    const az: PoolNodeAz = { az: "cn-north-7c", count: "1" };
    expectTypeOf(az).toEqualTypeOf<PoolNodeAz>();
  });

  test("an unknown driver field does not compile (the spec closes PoolDriver in requests)", () => {
    const patch: UpdatePoolRequest = {
      // @ts-expect-error gpuDriver is not a PoolDriver field
      spec: { driver: { gpuDriver: "440.33" } },
    };
    expectTypeOf(patch).toEqualTypeOf<UpdatePoolRequest>();
    expectTypeOf<NonNullable<PoolDriver["updateStrategy"]>>().toEqualTypeOf<"force" | "idle">();
  });

  test("the old name of a field does not compile", () => {
    // @ts-expect-error the patch has metadata.annotations, not metadata.labels
    const patch: UpdatePoolRequest = { metadata: { labels: { "os.modelarts/name": "x" } } };
    expectTypeOf(patch).toEqualTypeOf<UpdatePoolRequest>();
  });
});
