// The pages' examples, through the mock: each request example gets the answer example the spec pairs with it.
import { describe, expect, it } from "vitest";
import { call, exampleOf, poolPath, PROJECT, useMock, validateError, validatePool, validatePoolDeletion, validatePoolList } from "./support.js";

const mock = useMock();

describe("createPool", () => {
  it("answers the page's request with the created pool", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool") });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("application/json");
    expect(reply.body).toEqual(exampleOf("createdPool"));
    expect(validatePool(reply.body)).toEqual({ valid: true });
  });

  it("answers Prefer: code=409 with the spec's conflict", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { prefer: "code=409" } });
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual(exampleOf("poolAlreadyExists"));
  });

  it("answers Prefer: code=400 with the spec's bad request", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { prefer: "code=400" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(exampleOf("badRequest"));
  });

  it("finds the response of a named example without a code", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { prefer: "example=poolAlreadyExists" } });
    expect(reply.status).toBe(409);
    expect(reply.body).toEqual(exampleOf("poolAlreadyExists"));
  });

  it("refuses a code the operation does not answer, naming the Prefer header and the codes it has", async () => {
    const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { prefer: "code=404" } });
    expect(reply.status).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain("Prefer: code=404 is not a response of createPool (it answers 200, 400, 409)");
  });

  it("refuses a code that is not a number, and an unknown example, with 400 and never Prism's 404 or 422", async () => {
    for (const prefer of ["code=abc", "example=nope", "code=200, example=poolNotFound"]) {
      const reply = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { prefer } });
      expect(reply.status, prefer).toBe(400);
      expect(reply.headers.get("content-type")).toBe("application/json");
      expect(reply.body.error_msg).toContain("Prefer:");
      expect(validateError(reply.body)).toEqual({ valid: true });
    }
  });
});

describe("updatePool", () => {
  const path = poolPath(exampleOf("scaledPool").metadata.name);

  it("answers the page's merge patch with the scaled pool", async () => {
    const reply = await call(mock(), { method: "PATCH", path, body: exampleOf("scaleOutPool") });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(exampleOf("scaledPool"));
    expect(validatePool(reply.body)).toEqual({ valid: true });
  });

  it("answers Prefer: code=404 with the spec's not found", async () => {
    const reply = await call(mock(), { method: "PATCH", path, body: {}, headers: { prefer: "code=404" } });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(exampleOf("poolNotFound"));
  });

  it("answers Prefer: example=contentTypeNotSupported with that 400", async () => {
    const reply = await call(mock(), { method: "PATCH", path, body: {}, headers: { prefer: "example=contentTypeNotSupported" } });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(exampleOf("contentTypeNotSupported"));
  });
});

describe("showPool", () => {
  const path = poolPath(exampleOf("runningPool").metadata.name);

  it("answers the running pool", async () => {
    const reply = await call(mock(), { method: "GET", path });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(exampleOf("runningPool"));
    expect(validatePool(reply.body)).toEqual({ valid: true });
  });

  it.each(["code=404", "example=poolNotFound"])("answers Prefer: %s with the spec's not found", async (prefer) => {
    const reply = await call(mock(), { method: "GET", path, headers: { prefer } });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(exampleOf("poolNotFound"));
  });
});

describe("listPools", () => {
  it("answers the pool list", async () => {
    const reply = await call(mock(), { method: "GET", path: `/v2/${PROJECT}/pools?status=created` });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(exampleOf("poolList"));
    expect(validatePoolList(reply.body)).toEqual({ valid: true });
  });

  it("refuses Prefer: code=404, which it does not answer, listing the codes it has", async () => {
    const reply = await call(mock(), { method: "GET", path: `/v2/${PROJECT}/pools`, headers: { prefer: "code=404" } });
    expect(reply.status).toBe(400);
    expect(reply.body.error_msg).toContain("Prefer: code=404 is not a response of listPools (it answers 200, 400)");
  });
});

describe("deletePool", () => {
  const path = poolPath(exampleOf("deletingPool").metadata.name);

  it("answers the pool being deleted", async () => {
    const reply = await call(mock(), { method: "DELETE", path });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(exampleOf("deletingPool"));
    expect(validatePoolDeletion(reply.body)).toEqual({ valid: true });
  });

  it.each(["code=404", "example=poolNotFound"])("answers Prefer: %s with the spec's not found", async (prefer) => {
    const reply = await call(mock(), { method: "DELETE", path, headers: { prefer } });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual(exampleOf("poolNotFound"));
  });
});
