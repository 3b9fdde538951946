// What the tests share: the bundled spec, its validators, a real mock on a free loopback port, and one way to call it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { deref, namedExample, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import { startMock, type Mock, type MockOptions } from "../src/index.js";
import { loadSpec } from "../src/spec.js";

export const spec = loadSpec();
export const validatePool = schemaValidator(spec, "Pool");
export const validateError = schemaValidator(spec, "ModelArtsError");
export const validatePoolList = schemaValidator(spec, "PoolList");
export const validatePoolDeletion = schemaValidator(spec, "PoolDeletion");
export const exampleOf = <T = any>(name: string): T => namedExample<T>(spec, name);

/** A schema of the spec with its references followed, as the body generators read it. */
export const resolve = (node: unknown) => deref(spec, node);

/**
 * Every property name the spec's schemas list, for the body generators to draw extra keys from: a key one schema
 * leaves open and another restricts (an annotation the update takes as any string, the Pool as an enum) then meets.
 */
export const extraKeyNames: readonly string[] = (() => {
  const names = new Set<string>();
  JSON.stringify(spec.components, (key, value) => {
    if (key === "properties" && typeof value === "object" && value !== null) for (const name of Object.keys(value)) names.add(name);
    return value;
  });
  return [...names];
})();

export const PROJECT = "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1";
export const TOKEN = "test-token-not-a-secret-4f1c";
export const JSON_TYPE = "application/json";
export const MERGE_PATCH = "application/merge-patch+json";

/** Starts a mock before the file's tests and closes it after them. */
export function useMock(options: MockOptions = {}): () => Mock {
  let mock: Mock | undefined;
  beforeAll(async () => {
    mock = await startMock({ port: 0, ...options });
  });
  afterAll(async () => {
    await mock?.close();
  });
  return () => {
    if (!mock) throw new Error("the mock has not started");
    return mock;
  };
}

/** Starts a mock on a free port for one piece of a test, and closes it after `use`, whatever `use` did. */
export async function withMock<T>(options: MockOptions, use: (mock: Mock) => Promise<T>): Promise<T> {
  const mock = await startMock({ port: 0, ...options });
  try {
    return await use(mock);
  } finally {
    await mock.close();
  }
}

/**
 * Starts a mock serving a copy of the bundled spec, changed by `edit` first: what the mock derives from the spec
 * follows the change with no change to the mock. Closing the mock removes the copy.
 */
export async function startMockWithSpec(edit: (copy: any) => void, options: MockOptions = {}): Promise<Mock> {
  const copy = structuredClone(spec) as OpenApiDocument;
  edit(copy);
  const dir = mkdtempSync(join(tmpdir(), "mock-spec-"));
  const specPath = join(dir, "openapi.json");
  writeFileSync(specPath, JSON.stringify(copy));
  const mock = await startMock({ port: 0, ...options, specPath }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return { ...mock, close: () => mock.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Call {
  method?: string;
  path?: string;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** false: send no X-Auth-Token. */
  token?: boolean;
}

/** One request; a POST to createPool with a token unless told otherwise. */
export async function call(mock: Pick<Mock, "url">, request: Call = {}): Promise<Reply> {
  const method = request.method ?? "POST";
  const headers: Record<string, string> = { ...request.headers };
  if (request.token !== false) headers["x-auth-token"] = TOKEN;
  const contentType = request.contentType === undefined ? (method === "PATCH" ? MERGE_PATCH : JSON_TYPE) : request.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  const body = request.body === undefined ? undefined : typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  const response = await fetch(`${mock.url}${request.path ?? `/v2/${PROJECT}/pools`}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** The spec's create request example, with its name label set to `name`. */
export function createRequest(name: string) {
  const body = exampleOf("createDedicatedPool");
  body.metadata.labels["os.modelarts/name"] = name;
  return body;
}

export const poolPath = (name: string, project = PROJECT) => `/v2/${project}/pools/${encodeURIComponent(name)}`;

/** What no answer may carry: a stack frame, a source location, the token it was sent. */
export const LEAK = new RegExp(`\\n\\s+at |\\.(ts|js|mjs):\\d|node_modules|${TOKEN}`);
