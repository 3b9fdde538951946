// Every operation of the spec is a method of createPoolsClient, found and called the way the spec describes it: the
// list of operations, their names, paths, media types and whether they are retried all come from the spec here
// (describeApi), independently of the generator, so an operation the spec adds is checked with no edit to this file.
import { createRequire } from "node:module";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { describeApi } from "@modelarts-pools/spec/operations";
import { describe, expect, test } from "vitest";
import { methodOverrides } from "../scripts/method-overrides.mjs";
import { createPoolsClient } from "../src/index.js";
import { fakeFetch, jsonAnswer } from "./support/fake-fetch.js";

const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json") as OpenApiDocument;
const api = describeApi(spec);
const overrides: Record<string, { name?: string; returns?: string }> = methodOverrides;
const entries = Object.values(api.operations).map((operation) => ({ operation, method: overrides[operation.operationId]?.name ?? operation.operationId }));

describe.each(entries)("$method", ({ operation, method }) => {
  const success = Object.keys(operation.responses).filter((status) => status.startsWith("2")).sort()[0]!;
  const mediaType = operation.responses[success]!.mediaTypes[0];
  const answer = mediaType ? jsonAnswer(Number(success), { items: [], answered: operation.operationId }) : new Response(null, { status: Number(success) });
  /** The method's arguments in the generated order: path values after the project ID, the body, the query, options. */
  function argumentsOf(options: object): unknown[] {
    const path = operation.pathParameters.slice(1).map((parameter) => `${parameter.name}-1`);
    const body = operation.requestMediaTypes.length ? [{ probe: true }] : [];
    const query = operation.queryParameters.length ? [{}] : [];
    return [...path, ...body, ...query, options];
  }

  test(`sends ${operation.method} ${operation.path} with the spec's media types, and resolves to the answer`, async () => {
    const { fetch, sent } = fakeFetch(answer);
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:1", auth: { token: "tok" }, fetch }) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const resolved = await pools[method]!(...argumentsOf({ headers: { "x-trace-id": "t-1" } }));
    const path = operation.path.replace("{project_id}", "p1").replace(/\{([^}]+)\}/g, (_, name: string) => `${name}-1`);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: operation.method, url: `http://127.0.0.1:1${path}` });
    expect(sent[0]!.headers["x-trace-id"]).toBe("t-1");
    expect(sent[0]!.headers["content-type"]).toBe(operation.requestMediaTypes[0]);
    expect(sent[0]!.headers.accept).toBe(mediaType);
    if (operation.requestMediaTypes.length) expect(JSON.parse(sent[0]!.body)).toEqual({ probe: true });
    const returns = overrides[operation.operationId]?.returns;
    const whole = mediaType ? { items: [], answered: operation.operationId } : undefined;
    expect(resolved).toEqual(returns ? (whole as Record<string, unknown>)[returns] : whole);
  });

  const retried = operation.method !== "POST";
  test(`${retried ? "is" : "is never"} retried after a 503, with the client's retry options`, async () => {
    const { fetch, sent } = fakeFetch(jsonAnswer(503, { error_code: "ModelArts.0001", error_msg: "busy" }), answer);
    // No back-off to wait for: the test is about whether a second attempt is made, not when.
    const pools = createPoolsClient({ projectId: "p1", endpoint: "http://127.0.0.1:1", fetch, retry: { retries: 1, baseDelayMs: 0, maxDelayMs: 0 } });
    const call = (pools as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!(...argumentsOf({}));
    if (retried) await call;
    else await expect(call).rejects.toMatchObject({ status: 503 });
    expect(sent).toHaveLength(retried ? 2 : 1);
  });
});
