// verifySignature checks a request as the API gateway does: the guide's worked example passes as published, a request
// the client signed passes, and each way a request can be wrong is refused with the check that failed named, never
// with the secret key or the signature in the message.
import { describe, expect, test } from "vitest";
import { signRequest } from "../src/index.js";
import { MAX_CLOCK_SKEW_MS, verifySignature, type ArrivedRequest } from "../src/verify.js";

const accessKey = "QTWAOYTTINDUT2QVKYUC";
const secretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const keys = (ak: string) => (ak === accessKey ? secretKey : undefined);
const encoder = new TextEncoder();

/** The request the client signs for `body`, as it arrives: lower-case names, the Host of its URL. */
async function arrived(body: string, at: Date, extra: Record<string, string> = {}): Promise<ArrivedRequest> {
  const url = "http://127.0.0.1:4010/v2/p-1/pools/pool-a?workspaceId=0";
  const headers = await signRequest({ method: "PATCH", url, headers: { "content-type": "application/merge-patch+json", ...extra }, body }, { accessKey, secretKey }, at);
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return { method: "PATCH", url, headers: { ...lower, host: "127.0.0.1:4010" }, body: encoder.encode(body) };
}

const at = new Date("2026-06-01T12:00:00Z");

describe("verifySignature", () => {
  test("accepts the signing guide's worked example as published", async () => {
    const check = await verifySignature(
      {
        method: "GET",
        url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        headers: {
          "content-type": "application/json",
          host: "service.region.example.com",
          "x-sdk-date": "20191115T033655Z",
          authorization:
            "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
        },
        body: new Uint8Array(),
      },
      keys,
      Date.parse("2019-11-15T03:40:00Z"),
    );
    expect(check).toEqual({ ok: true, accessKey });
  });

  test("accepts a request the client signed, with its body", async () => {
    expect(await verifySignature(await arrived('{"spec":{}}', at), keys, at.getTime())).toEqual({ ok: true, accessKey });
  });

  test.each([
    ["a body changed after signing", async () => ({ ...(await arrived('{"spec":{}}', at)), body: encoder.encode('{"spec":{"x":1}}') }), "signature"],
    ["a path changed after signing", async () => ({ ...(await arrived("{}", at)), url: "http://127.0.0.1:4010/v2/p-1/pools/pool-b?workspaceId=0" }), "signature"],
    ["a body that is not the one X-Sdk-Content-Sha256 hashes", async () => ({ ...(await arrived("{}", at, { "x-sdk-content-sha256": "0".repeat(64) })) }), "body-hash"],
  ] as const)("refuses %s", async (_, request, refusal) => {
    const check = await verifySignature(await request(), keys, at.getTime());
    expect(check).toMatchObject({ ok: false, refusal });
  });

  test("refuses a request signed with the access key and secret key swapped, naming the unknown access key", async () => {
    const url = "http://127.0.0.1:4010/v2/p-1/pools";
    const headers = await signRequest({ method: "GET", url }, { accessKey: secretKey, secretKey: accessKey }, at);
    const check = await verifySignature({ method: "GET", url, headers: { authorization: headers["Authorization"], "x-sdk-date": headers["X-Sdk-Date"], host: "127.0.0.1:4010" }, body: new Uint8Array() }, keys, at.getTime());
    expect(check).toEqual({ ok: false, refusal: "unknown-access-key", message: "Incorrect IAM authentication information: Get secretKey failed: the access key is not one this gateway knows" });
  });

  test("refuses a signature made with another secret key for a known access key", async () => {
    const url = "http://127.0.0.1:4010/v2/p-1/pools";
    const headers = await signRequest({ method: "GET", url }, { accessKey, secretKey: "another-secret" }, at);
    const check = await verifySignature({ method: "GET", url, headers: { authorization: headers["Authorization"], "x-sdk-date": headers["X-Sdk-Date"], host: "127.0.0.1:4010" }, body: new Uint8Array() }, keys, at.getTime());
    expect(check).toMatchObject({ ok: false, refusal: "signature" });
    expect(JSON.stringify(check)).not.toContain("another-secret");
    expect(JSON.stringify(check)).not.toContain(secretKey);
  });

  test("allows 15 minutes between X-Sdk-Date and its own time, either way, and no more", async () => {
    const request = await arrived("{}", at);
    expect((await verifySignature(request, keys, at.getTime() + MAX_CLOCK_SKEW_MS)).ok).toBe(true);
    expect((await verifySignature(request, keys, at.getTime() - MAX_CLOCK_SKEW_MS)).ok).toBe(true);
    expect(await verifySignature(request, keys, at.getTime() + MAX_CLOCK_SKEW_MS + 1000)).toMatchObject({ ok: false, refusal: "expired" });
    expect(await verifySignature(request, keys, at.getTime() - MAX_CLOCK_SKEW_MS - 1000)).toMatchObject({ ok: false, refusal: "expired" });
  });

  test.each([
    ["no Authorization", {}, "Authorization is not"],
    ["a signature without x-sdk-date among SignedHeaders", { authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=host, Signature=${"a".repeat(64)}` }, "SignedHeaders must include x-sdk-date"],
    ["a malformed X-Sdk-Date", { authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=host;x-sdk-date, Signature=${"a".repeat(64)}`, "x-sdk-date": "2026-06-01" }, "X-Sdk-Date must be"],
  ])("refuses %s as malformed", async (_, headers, message) => {
    const check = await verifySignature({ method: "GET", url: "http://127.0.0.1/x", headers: { host: "127.0.0.1", ...headers }, body: new Uint8Array() }, keys, at.getTime());
    expect(check).toMatchObject({ ok: false, refusal: "malformed" });
    expect((check as { message: string }).message).toContain(message);
  });
});
