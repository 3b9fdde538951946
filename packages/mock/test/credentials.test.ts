// The mock cannot check a token or a signature, but it refuses a request that has none, or one in the wrong shape.
import { describe, expect, it } from "vitest";
import { call, exampleOf, useMock, validateError } from "./support.js";

const mock = useMock();
const body = exampleOf("createDedicatedPool");
const SIGNATURE = "a".repeat(64);
const signed = (authorization: string, date: string | null = "20260101T000000Z") => ({
  authorization,
  ...(date ? { "x-sdk-date": date } : {}),
});

describe("credentials", () => {
  it("refuses a request without X-Auth-Token or Authorization with 400 naming both, not Prism's 401 problem+json", async () => {
    const reply = await call(mock(), { body, token: false });
    expect(reply.status).toBe(400);
    expect(reply.headers.get("content-type")).toBe("application/json");
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain("X-Auth-Token");
    expect(reply.body.error_msg).toContain("Authorization");
    expect(validateError(reply.body)).toEqual({ valid: true });
  });

  it("takes an AK/SK signature in the shape of the signing guide", async () => {
    const headers = signed(`SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`);
    const reply = await call(mock(), { body, token: false, headers });
    expect(reply.status).toBe(200);
  });

  it.each([
    ["a Bearer token", signed("Bearer abc"), "Authorization must be `SDK-HMAC-SHA256"],
    ["a signature that is not hex", signed("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=zz"), "Authorization must be"],
    ["host left unsigned", signed(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=${SIGNATURE}`), "SignedHeaders must include host"],
    ["no X-Sdk-Date", signed(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${SIGNATURE}`, null), "X-Sdk-Date is required"],
    ["an X-Sdk-Date in ISO form", signed(`SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=${SIGNATURE}`, "2026-01-01T00:00:00Z"), "YYYYMMDDTHHMMSSZ"],
  ])("refuses %s, saying what is wrong", async (_what, headers, message) => {
    const reply = await call(mock(), { body, token: false, headers });
    expect(reply.status).toBe(400);
    expect(reply.body.error_msg).toContain(message);
  });

  it("never repeats a credential in its answer", async () => {
    const secret = "Signature-material-7d1e";
    const reply = await call(mock(), { body, token: false, headers: signed(`SDK-HMAC-SHA256 Access=${secret}`) });
    expect(reply.status).toBe(400);
    expect(reply.text).not.toContain(secret);
  });
});
