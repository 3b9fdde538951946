// What the mock knows of the API it reads from the spec: which example answers which situation, which headers carry
// credentials, which label names a pool. Each test serves a changed copy of the spec and sees the change followed.
import { describe, expect, it } from "vitest";
import type { Mock } from "../src/index.js";
import { call, exampleOf, MERGE_PATCH, poolPath, PROJECT, startMockWithSpec, type Call } from "./support.js";

const POOL = "/v2/{project_id}/pools/{pool_name}";

async function withSpec<T>(edit: (spec: any) => void, stateful: boolean, use: (mock: Mock) => Promise<T>): Promise<T> {
  const mock = await startMockWithSpec(edit, { stateful });
  try {
    return await use(mock);
  } finally {
    await mock.close();
  }
}

const createPool = (name = "pool-derived"): Call => {
  const body = exampleOf("createDedicatedPool");
  body.metadata.labels["os.modelarts/name"] = name;
  return { body };
};
const patchOf = (name: string, request: Partial<Call> = {}): Call => ({ method: "PATCH", path: poolPath(name), body: {}, ...request });

describe("error answers are the operation's own responses, chosen by status", () => {
  it("answers a pool it does not have with whatever example the 404 response holds, as its media type", async () => {
    const edit = (spec: any) => {
      spec.components.examples.noSuchPool = { value: { error_code: "ModelArts.50015099", error_msg: "no such pool (edited)" } };
      const content = spec.components.responses.PoolNotFound.content;
      content["application/vnd.modelarts+json"] = { ...content["application/json"], examples: { noSuchPool: { $ref: "#/components/examples/noSuchPool" } } };
      delete content["application/json"];
    };
    const reply = await withSpec(edit, true, (mock) => call(mock, patchOf("pool-missing-00000000000000000000000000000000")));
    expect(reply.status).toBe(404);
    expect(reply.headers.get("content-type")).toBe("application/vnd.modelarts+json");
    expect(reply.body).toEqual({ error_code: "ModelArts.50015099", error_msg: "no such pool (edited)" });
  });

  it("answers a second pool of the same name with the 409 response's example, at that response's status", async () => {
    const edit = (spec: any) => {
      const post = spec.paths["/v2/{project_id}/pools"].post;
      post.responses["409"].$ref = "#/components/responses/PoolNotFound"; // any example will do: the status chooses
    };
    const replies = await withSpec(edit, true, async (mock) => [await call(mock, createPool()), await call(mock, createPool())]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 409]);
    expect(replies[1]!.body).toEqual(exampleOf("poolNotFound"));
  });

  it("answers a PATCH that is not a merge patch with the example marked x-answers 415, else its 415 response, else its plain 400", async () => {
    const unmarked = (spec: any) => delete spec.components.examples.contentTypeNotSupported["x-answers"];
    const plain = await withSpec(unmarked, false, (mock) => call(mock, patchOf("p", { contentType: "application/json" })));
    expect(plain.status).toBe(400);
    expect(plain.body.error_code).toBe(exampleOf("badRequest").error_code);
    expect(plain.body.error_msg).toContain(`Content-Type must be ${MERGE_PATCH}, not application/json`);

    const declared = (spec: any) => {
      unmarked(spec);
      spec.components.examples.unsupported = { value: { error_code: "ModelArts.50004150", error_msg: "media type (edited)" } };
      const examples = { unsupported: { $ref: "#/components/examples/unsupported" } };
      spec.paths[POOL].patch.responses["415"] = { description: "x", content: { "application/json": { examples } } };
    };
    const own = await withSpec(declared, false, (mock) => call(mock, patchOf("p", { contentType: "application/json" })));
    expect(own.status).toBe(415);
    expect(own.body).toEqual({ error_code: "ModelArts.50004150", error_msg: "media type (edited)" });
  });

  it("refuses to start on a spec whose error response holds an example it cannot name, saying which", async () => {
    const inline = (spec: any) => {
      spec.components.responses.PoolNotFound.content["application/json"].examples = { inline: { value: { error_code: "ModelArts.1", error_msg: "x" } } };
    };
    await expect(startMockWithSpec(inline)).rejects.toThrow("the spec has no example named inline");
  });

  it("answers a bad request with the operation's unmarked 400 example and the detail", async () => {
    const reply = await withSpec(() => undefined, false, (mock) => call(mock, patchOf("p", { body: { spec: { resources: "none" } } })));
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error_code: "ModelArts.50004000", error_msg: "Bad request: spec.resources must be of type array" });
  });
});

describe("credentials are the spec's security headers", () => {
  const renamed = (spec: any) => {
    spec.components.securitySchemes.token.name = "X-Api-Key";
  };

  it("takes a token in the header the spec names, and names it when there is none", async () => {
    const [named, old] = await withSpec(renamed, false, async (mock) => [
      await call(mock, { ...createPool(), token: false, headers: { "x-api-key": "k" } }),
      await call(mock, { ...createPool() }),
    ]);
    expect(named!.status).toBe(200);
    expect(old!.status).toBe(400);
    expect(old!.body.error_msg).toContain("send X-Api-Key (token) or Authorization (akSkSignature)");
  });

  it("lets a browser send it", async () => {
    const preflight = await withSpec(renamed, false, (mock) =>
      fetch(`${mock.url}/v2/p/pools`, { method: "OPTIONS", headers: { origin: "http://localhost:1", "access-control-request-method": "POST" } }),
    );
    expect(preflight.headers.get("access-control-allow-headers")).toContain("X-Api-Key");
  });
});

describe("a created pool's labels come from the schemas", () => {
  it("gains the create request's label defaults and the labels that carry a path parameter", async () => {
    const edit = (spec: any) => {
      spec.components.schemas.PoolLabelsCreation.properties["os.modelarts/workspace.id"].default = "ws-7";
      spec.components.schemas.PoolMetaLabels["x-from-path"] = { "example.com/project": "project_id" };
    };
    const request = createPool();
    delete (request.body as any).metadata.labels["os.modelarts/workspace.id"];
    const reply = await withSpec(edit, true, (mock) => call(mock, request));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.metadata.labels).toEqual({ "os.modelarts/name": "pool-derived", "os.modelarts/workspace.id": "ws-7", "example.com/project": PROJECT });
  });

  it("names a pool after the one label the create request requires", async () => {
    const edit = (spec: any) => {
      const labels = spec.components.schemas.PoolLabelsCreation;
      labels.required = ["example.com/team"];
      labels.properties["example.com/team"] = { type: "string" };
    };
    const request = createPool();
    (request.body as any).metadata.labels["example.com/team"] = "team-a";
    const replies = await withSpec(edit, true, async (mock) => [await call(mock, request), await call(mock, request)]);
    expect(replies[0]!.body.metadata.name).toMatch(/^team-a-[0-9a-f]{32}$/);
    expect(replies[1]!.status).toBe(409);
  });
});
