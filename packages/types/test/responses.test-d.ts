import { describe, expectTypeOf, test } from "vitest";
import type {
  ModelArtsError,
  operations,
  paths,
  Pool,
  PoolMetadata,
  PoolPhase,
  PoolResourceFlavorCount,
  PoolSpecModel,
  PoolStatus,
} from "../src/index.js";

type Resources = NonNullable<PoolStatus["resources"]>;

describe("Pool", () => {
  test("status.resources.* are arrays, as on the wire (the official SDKs type them as objects)", () => {
    expectTypeOf<NonNullable<Resources["creating"]>>().toEqualTypeOf<PoolResourceFlavorCount[]>();
    expectTypeOf<NonNullable<Resources["available"]>>().toBeArray();
    expectTypeOf<NonNullable<Resources["abnormal"]>>().toBeArray();
    expectTypeOf<NonNullable<Resources["deleting"]>>().toBeArray();
  });

  test("a freshly created pool's status may lack a phase", () => {
    expectTypeOf({ resources: {} }).toExtend<PoolStatus>();
    expectTypeOf<PoolStatus["phase"]>().toEqualTypeOf<PoolPhase | undefined>();
    expectTypeOf<"CreationFailed">().toExtend<PoolPhase>();
  });

  test("labels and annotations are string maps", () => {
    type Labels = NonNullable<PoolMetadata["labels"]>;
    expectTypeOf<Labels["os.modelarts/tenant.project.id"]>().toEqualTypeOf<string>();
    expectTypeOf<PoolMetadata["name"]>().toEqualTypeOf<string>();
  });

  test("the parts are the ones users name", () => {
    expectTypeOf<Pool["spec"]>().toEqualTypeOf<PoolSpecModel>();
    expectTypeOf<Pool["status"]>().toEqualTypeOf<PoolStatus>();
    expectTypeOf<ModelArtsError>().toEqualTypeOf<{ error_code: string; error_msg: string }>();
  });
});

describe("paths and operations", () => {
  test("both operations answer a Pool and describe their errors", () => {
    expectTypeOf<operations["createPool"]["responses"][200]["content"]["application/json"]>().toEqualTypeOf<Pool>();
    expectTypeOf<operations["updatePool"]["responses"][404]["content"]["application/json"]>().toEqualTypeOf<ModelArtsError>();
    expectTypeOf<operations["createPool"]["responses"][409]["content"]["application/json"]>().toEqualTypeOf<ModelArtsError>();
  });

  test("updatePool takes only a merge patch", () => {
    type Body = NonNullable<paths["/v2/{project_id}/pools/{pool_name}"]["patch"]["requestBody"]>["content"];
    expectTypeOf<keyof Body>().toEqualTypeOf<"application/merge-patch+json">();
  });
});
