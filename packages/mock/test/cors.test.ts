// A page served from this machine may call the mock from a browser; a page from anywhere else may not.
import { describe, expect, it } from "vitest";
import { call, exampleOf, useMock } from "./support.js";

const mock = useMock();
const SENT_HEADERS = ["content-type", "x-auth-token", "x-sdk-date", "authorization", "x-modelarts-user-id", "prefer"];

async function preflight(origin: string, method = "PATCH") {
  return fetch(`${mock().url}/v2/p/pools/x`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": method, "access-control-request-headers": SENT_HEADERS.join(",") },
  });
}

describe("CORS", () => {
  it.each(["http://localhost:5173", "http://127.0.0.1:8080", "http://[::1]:3000", "https://docs.localhost"])(
    "lets a page on %s send the API's methods and headers",
    async (origin) => {
      const reply = await preflight(origin);
      expect(reply.status).toBe(204);
      expect(reply.headers.get("access-control-allow-origin")).toBe(origin);
      expect(reply.headers.get("access-control-allow-methods")).toContain("PATCH");
      expect(reply.headers.get("access-control-allow-methods")).toContain("POST");
      const allowed = reply.headers.get("access-control-allow-headers")!.toLowerCase().split(/,\s*/);
      for (const header of SENT_HEADERS) expect(allowed).toContain(header);
    },
  );

  it("gives a page elsewhere no CORS headers, so its browser blocks the call", async () => {
    const reply = await preflight("https://attacker.example");
    expect(reply.status).toBe(204);
    expect(reply.headers.get("access-control-allow-origin")).toBeNull();
    expect(reply.headers.get("access-control-allow-headers")).toBeNull();
  });

  it("names a local origin on answers, errors included", async () => {
    const origin = "http://localhost:5173";
    const ok = await call(mock(), { body: exampleOf("createDedicatedPool"), headers: { origin } });
    const bad = await call(mock(), { body: "{", headers: { origin } });
    expect([ok.status, bad.status]).toEqual([200, 400]);
    expect(ok.headers.get("access-control-allow-origin")).toBe(origin);
    expect(bad.headers.get("access-control-allow-origin")).toBe(origin);
  });
});
