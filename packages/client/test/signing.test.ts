import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { createPoolsClient, signRequest } from "../src/index.js";
import { rawClientOf } from "../src/raw.js";
import { canonicalRequest, canonicalUri, sdkDate, stringToSign } from "../src/signing.js";
import { example } from "./support/fake-fetch.js";
import { expectedAuthorization } from "./support/independent-signer.js";
import { startVerifyingGateway } from "./support/verifying-gateway.js";

const accessKey = "QTWAOYTTINDUT2QVKYUC";
const secretKey = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

describe("the worked example of the Huawei Cloud API Request Signing Guide", () => {
  // "Example of the API Signature Authentication Mechanism" and "Adding the Signature to the Request Header":
  // GET on the VPC list with limit and marker, Content-Type application/json, signed at 20191115T033655Z.
  const request = {
    method: "GET",
    url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
    headers: { "Content-Type": "application/json" },
  };
  const signedAt = new Date("2019-11-15T03:36:55Z");

  test("gives the guide's Authorization header", async () => {
    const headers = await signRequest(request, { accessKey, secretKey }, signedAt);
    expect(headers).toEqual({
      "content-type": "application/json",
      "X-Sdk-Date": "20191115T033655Z",
      Authorization:
        "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    });
  });

  test("builds the guide's canonical request and string to sign", async () => {
    const signed = new Map([
      ["content-type", "application/json"],
      ["host", "service.region.example.com"],
      ["x-sdk-date", "20191115T033655Z"],
    ]);
    const canonical = canonicalRequest("GET", new URL(request.url), signed, createHash("sha256").update("").digest("hex"));
    expect(canonical).toBe(
      [
        "GET",
        "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/",
        "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
        "content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n",
        "content-type;host;x-sdk-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
    expect(await stringToSign(canonical, sdkDate(signedAt))).toBe(
      "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
  });
});

describe("the unit tests of Huawei's API Gateway Python signer (apig_sdk)", () => {
  const url = "https://30030113-3657-4fb6-a7ef-90764239b038.apigw.cn-north-1.huaweicloud.com/app1?a=1";

  test("canonical request of a POST with a query, one signed header and the body 'body'", () => {
    const bodySha256 = createHash("sha256").update("body").digest("hex");
    expect(bodySha256).toBe("230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5");
    expect(canonicalRequest("POST", new URL(url), new Map([["x-stage", "RELEASE"]]), bodySha256)).toBe(
      "POST\n/app1/\na=1\nx-stage:RELEASE\n\nx-stage\n230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5",
    );
  });

  test("string to sign of their (indented) canonical request", async () => {
    const indent = "            ";
    const canonical = [
      "POST",
      "/app1%3Fa%3D1/",
      "a=1",
      "host:30030113-3657-4fb6-a7ef-90764239b038.apigw.cn-north-1.huaweicloud.com",
      "x-sdk-date:20240326T030801Z",
      "x-stage:RELEASE",
      "",
      "host;x-sdk-date;x-stage",
      "230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5",
    ].join(`\n${indent}`);
    expect(await stringToSign(canonical, "20240326T030801Z")).toBe(
      "SDK-HMAC-SHA256\n20240326T030801Z\n5847720941657701137ad8098b63585092cea7d982e14b2efd0a668460f2da2a",
    );
  });

  test("Authorization layout: algorithm, space, Access, then comma-separated SignedHeaders and Signature", async () => {
    const headers = await signRequest({ method: "POST", url, headers: { "x-stage": "RELEASE" }, body: "body" }, { accessKey: "ABCDE12345", secretKey: "abc" });
    expect(headers["Authorization"]).toMatch(/^SDK-HMAC-SHA256 Access=ABCDE12345, SignedHeaders=host;x-sdk-date;x-stage, Signature=[0-9a-f]{64}$/);
  });
});

describe("signRequest against an independent implementation", () => {
  const now = new Date("2024-05-06T07:08:09.123Z");
  // Each case states which headers must be signed, so a header the signer leaves out fails the comparison.
  const cases: { name: string; method: string; url: string; headers: Record<string, string>; body: string | Uint8Array; signed: string }[] = [
    { name: "a create as the client sends it", method: "POST", url: "https://modelarts.cn-north-4.myhuaweicloud.com/v2/p1/pools", headers: { "Content-Type": "application/json", "X-ModelArts-User-ID": "u1" }, body: '{"kind":"Pool"}', signed: "content-type;host;x-modelarts-user-id;x-sdk-date" },
    { name: "a pool name with reserved characters", method: "PATCH", url: "https://h.example.com/v2/p1/pools/a%20b%27c%2Fd*(x)!", headers: { "Content-Type": "application/merge-patch+json" }, body: "{}", signed: "content-type;host;x-sdk-date" },
    { name: "non-ASCII path, unsorted repeated query, empty and valueless parameters", method: "GET", url: "https://h.example.com:8443/v2/%C3%A9t%C3%A9/pools?b=2&a=z&a=y&empty=&flag&sp=a+b&t=%7E~", headers: {}, body: "", signed: "host;x-sdk-date" },
    { name: "header values with surrounding spaces and mixed-case names", method: "POST", url: "https://h.example.com/x/", headers: { "X-Custom": "  spaced value  ", "content-TYPE": "text/plain" }, body: new Uint8Array([0, 1, 2, 250]), signed: "content-type;host;x-custom;x-sdk-date" },
    { name: "an unsigned payload", method: "PUT", url: "https://h.example.com/upload", headers: { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" }, body: "anything", signed: "host;x-sdk-content-sha256;x-sdk-date" },
    { name: "one name given twice with different capitals", method: "PATCH", url: "https://h.example.com/v2/p1/pools/a", headers: { "Content-Type": "application/json", "X-Project-Id": "p1", "content-type": "application/merge-patch+json" }, body: "{}", signed: "content-type;host;x-project-id;x-sdk-date" },
  ];

  test.each(cases)("$name", async ({ method, url, headers, body, signed }) => {
    const sent = await signRequest({ method, url, headers, body }, { accessKey: "AK", secretKey: "SK-secret" }, now);
    expect(sent["X-Sdk-Date"]).toBe("20240506T070809Z");
    expect(sent["Authorization"]).toBe(expectedAuthorization({ method, url, headers: sent, body }, "AK", "SK-secret", signed.split(";")));
  });

  test("a header name given twice with different capitals is sent once, with the value that was signed (the last)", async () => {
    const sent = await signRequest(
      { method: "PATCH", url: "https://h.example.com/p", headers: { "Content-Type": "application/json", "content-type": "application/merge-patch+json" }, body: "{}" },
      { accessKey: "AK", secretKey: "SK" },
      now,
    );
    const contentTypes = Object.entries(sent).filter(([name]) => name.toLowerCase() === "content-type");
    expect(contentTypes).toEqual([["content-type", "application/merge-patch+json"]]);
    expect(sent["Authorization"]).toBe(expectedAuthorization({ method: "PATCH", url: "https://h.example.com/p", headers: sent, body: "{}" }, "AK", "SK", ["content-type", "host", "x-sdk-date"]));
  });

  test("temporary credentials send and sign X-Security-Token", async () => {
    const request = { method: "GET", url: "https://h.example.com/v2/p/pools" };
    const sent = await signRequest(request, { accessKey: "AK", secretKey: "SK", securityToken: "sts-token" }, now);
    expect(sent["X-Security-Token"]).toBe("sts-token");
    expect(sent["Authorization"]).toBe(expectedAuthorization({ ...request, headers: sent, body: "" }, "AK", "SK", ["host", "x-sdk-date", "x-security-token"]));
  });

  test("a given Host header is signed instead of the URL's host, and not added when absent", async () => {
    const given = await signRequest({ method: "GET", url: "http://127.0.0.1:9/x", headers: { Host: "api.example.com" } }, { accessKey: "AK", secretKey: "SK" }, now);
    expect(given["Authorization"]).toBe(expectedAuthorization({ method: "GET", url: "http://127.0.0.1:9/x", headers: given, body: "" }, "AK", "SK", ["host", "x-sdk-date"]));
    const derived = await signRequest({ method: "GET", url: "http://127.0.0.1:9/x" }, { accessKey: "AK", secretKey: "SK" }, now);
    expect(Object.keys(derived).map((name) => name.toLowerCase())).not.toContain("host");
  });

  test("the signature changes with the body, the date and the secret key", async () => {
    const base = { method: "POST", url: "https://h.example.com/v2/p/pools", body: "{}" };
    const signature = async (request: typeof base, sk: string, at: Date) => (await signRequest(request, { accessKey: "AK", secretKey: sk }, at))["Authorization"];
    const reference = await signature(base, "SK", now);
    expect(await signature({ ...base, body: "{ }" }, "SK", now)).not.toBe(reference);
    expect(await signature(base, "SK2", now)).not.toBe(reference);
    expect(await signature(base, "SK", new Date(now.getTime() + 1000))).not.toBe(reference);
  });
});

describe("signing details", () => {
  test("X-Sdk-Date is UTC without separators or milliseconds", () => {
    expect(sdkDate(new Date("2019-11-15T03:36:55.999Z"))).toBe("20191115T033655Z");
  });

  test("the signed URI always ends with / and encodes each segment by RFC 3986", () => {
    expect(canonicalUri("/v2/p/pools")).toBe("/v2/p/pools/");
    expect(canonicalUri("/")).toBe("/");
    expect(canonicalUri("/v2/p/pools/a%20b'c")).toBe("/v2/p/pools/a%20b%27c/");
  });

  test("missing credentials are named without echoing any value", async () => {
    await expect(signRequest({ method: "GET", url: "https://h/" }, { accessKey: "AK", secretKey: "" })).rejects.toThrow(
      "signRequest: credentials.secretKey must be a non-empty string",
    );
  });
});

describe("requests signed by the client, checked on arrival by the independent implementation", () => {
  test("createPool, updatePool with an awkward pool name, and raw all verify; a wrong key does not", async () => {
    const gateway = await startVerifyingGateway({ AK1: "SK-one", AK2: "SK-two" }, example("scaledPool"));
    try {
      const pools = createPoolsClient({ projectId: "p1", endpoint: gateway.url, userId: "u1", auth: { accessKey: "AK1", secretKey: "SK-one", securityToken: "sts" } });
      await pools.createPool(example("createDedicatedPool"));
      await pools.updatePool("pool a/é'(1)", example("scaleOutPool"), { headers: { "X-Trace-Id": "  t-1  " } });
      const { response } = await rawClientOf(pools).PATCH("/v2/{project_id}/pools/{pool_name}", {
        params: { path: { project_id: "p1", pool_name: "pool-b" } },
        body: { metadata: { annotations: { "os.modelarts/description": "größer" } } },
      });
      expect(response.status).toBe(200);
      expect(gateway.received.map((request) => request.verified)).toEqual([true, true, true]);
      expect(gateway.received[1]!.url).toBe(`${gateway.url}/v2/p1/pools/pool%20a%2F%C3%A9%27%281%29`);
      expect(gateway.received[1]!.headers).toMatchObject({ "x-project-id": "p1", "x-security-token": "sts", "content-type": "application/merge-patch+json" });

      const wrongKey = createPoolsClient({ projectId: "p1", endpoint: gateway.url, auth: { accessKey: "AK2", secretKey: "SK-one" } });
      await expect(wrongKey.updatePool("x", {})).rejects.toMatchObject({ status: 401, code: "APIGW.0301" });
      expect(gateway.received[3]!.verified).toBe(false);
    } finally {
      await gateway.close();
    }
  });

  test("a header that a raw middleware of the user's adds is signed with the rest, and verifies", async () => {
    const gateway = await startVerifyingGateway({ AK1: "SK-one" }, example("scaledPool"));
    try {
      const pools = createPoolsClient({ projectId: "p1", endpoint: gateway.url, auth: { accessKey: "AK1", secretKey: "SK-one" } });
      const raw = rawClientOf(pools);
      raw.use({ onRequest: ({ request }) => void request.headers.set("X-Trace-Id", "trace-1") });
      const { response } = await raw.PATCH("/v2/{project_id}/pools/{pool_name}", { params: { path: { project_id: "p1", pool_name: "pool-a" } }, body: {} });
      expect(response.status).toBe(200);
      expect(gateway.received[0]).toMatchObject({ verified: true, unsigned: [] });
      expect(gateway.received[0]!.headers["x-trace-id"]).toBe("trace-1");
      expect(gateway.received[0]!.headers["authorization"]).toContain("x-trace-id");
    } finally {
      await gateway.close();
    }
  });

  test("headers a call repeats in other capitals are sent once each: the PATCH stays a merge patch and still verifies", async () => {
    const gateway = await startVerifyingGateway({ AK1: "SK-one" }, example("scaledPool"));
    try {
      const pools = createPoolsClient({ projectId: "p1", endpoint: gateway.url, userId: "u1", auth: { accessKey: "AK1", secretKey: "SK-one" } });
      await pools.updatePool("pool-a", {}, { headers: { "content-type": "application/json", "x-project-id": "other", "X-ModelArts-User-ID": "u2" } });
      await pools.createPool(example("createDedicatedPool"), { headers: { "CONTENT-TYPE": "text/plain", ACCEPT: "application/json" } });
      const [update, create] = gateway.received;
      for (const request of [update!, create!]) {
        expect(request.verified).toBe(true);
        // Node joins repeated header lines, so count the lines as they arrived.
        for (const name of ["content-type", "accept", "x-project-id", "x-modelarts-user-id"]) expect(request.names.filter((n) => n === name)).toHaveLength(1);
      }
      // The operation's own Content-Type wins; for other headers, the call's own value does.
      expect(update!.headers).toMatchObject({ "content-type": "application/merge-patch+json", "x-project-id": "other", "x-modelarts-user-id": "u2" });
      expect(create!.headers).toMatchObject({ "content-type": "application/json", accept: "application/json", "x-project-id": "p1" });
    } finally {
      await gateway.close();
    }
  });

  test("the gateway refuses a request that sends a header its signature leaves out", async () => {
    const gateway = await startVerifyingGateway({ AK1: "SK-one" }, example("scaledPool"));
    try {
      const url = `${gateway.url}/v2/p1/pools/pool-a`;
      const headers = await signRequest({ method: "PATCH", url, headers: { "Content-Type": "application/merge-patch+json" }, body: "{}" }, { accessKey: "AK1", secretKey: "SK-one" });
      expect((await fetch(url, { method: "PATCH", headers, body: "{}" })).status).toBe(200);
      const smuggled = await fetch(url, { method: "PATCH", headers: { ...headers, "X-Project-Id": "other" }, body: "{}" });
      expect(smuggled.status).toBe(401);
      expect(gateway.received.map(({ verified, unsigned }) => ({ verified, unsigned }))).toEqual([
        { verified: true, unsigned: [] },
        { verified: false, unsigned: ["x-project-id"] },
      ]);
    } finally {
      await gateway.close();
    }
  });
});
