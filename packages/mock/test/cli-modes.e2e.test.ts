// The CLI's proxy and dynamic modes as a user runs them: the built bin, its output lines, its --report file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPoolsClient } from "@modelarts-pools/client";
import { clientOptionsFromEnv } from "@modelarts-pools/client/env";
import { startVerifyingGateway } from "@modelarts-pools/test-support/verifying-gateway";
import { spawnUntil, type SpawnedUntil } from "../../../scripts/lib/spawn.mjs";
import { waitFor } from "../../../scripts/lib/wait.mjs";
import { startMock, type Violation } from "../src/index.js";
import { call, exampleOf, PROJECT, TOKEN } from "./support.js";

const bin = fileURLToPath(new URL("../bin/modelarts-pools-mock.js", import.meta.url));
const built = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

const accessKey = "AK-cli-visible-0007";
const secretKey = "SK-cli-secret-1a2b3c4d";
const securityToken = "STS-cli-security-token-9z8y";
const keys = { HUAWEICLOUD_SDK_AK: accessKey, HUAWEICLOUD_SDK_SK: secretKey, HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

function run(args: string[], env: Record<string, string> = {}): SpawnedUntil {
  // Only the variables given: whatever HUAWEICLOUD_SDK_* the machine has stays out of the test.
  return spawnUntil(process.execPath, [bin, ...args], { ready: /http:\/\/[^\s]+/, env: { PATH: process.env.PATH ?? "", ...env } });
}

/** Waits until the CLI has printed `count` violation lines; gives up after a deadline that only catches a hang. */
function violationLines(cli: SpawnedUntil, count: number): Promise<string[]> {
  const lines = () => cli.output().split("\n").filter((line) => line.startsWith("violation: "));
  return waitFor(() => lines().length >= count && lines(), {
    what: `${count} violation lines`,
    deadlineMs: 120_000,
    intervalMs: 20,
    seen: () => `the CLI printed:\n${cli.output()}`,
  });
}

const signatureOf = (authorization: string | null | undefined) => /Signature=([0-9a-f]{64})/.exec(authorization ?? "")?.[1];

beforeAll(() => {
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`pnpm --filter @modelarts-pools/mock build\` before testing the CLI`);
});

describe("modelarts-pools-mock --proxy", () => {
  let gateway: Awaited<ReturnType<typeof startVerifyingGateway>>;
  let folder: string;
  beforeAll(async () => {
    gateway = await startVerifyingGateway({ [accessKey]: secretKey }, { ...exampleOf<object>("createdPool"), status: { phase: "Starting" } });
    folder = mkdtempSync(join(tmpdir(), "mock-proxy-"));
  });
  afterAll(async () => {
    await gateway?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("prints one line per violation, writes them to --report as NDJSON, and never a credential", async () => {
    const report = join(folder, "violations.ndjson");
    const cli = run(["--port", "0", "--proxy", gateway.url, "--report", report], keys);
    try {
      const url = (await cli.ready)[0];
      expect(cli.output()).toContain(`ModelArts pools mock (proxy to ${gateway.url}) listening`);
      expect(cli.output()).toContain(
        "X-Auth-Token passes through; AK/SK-signed requests are signed again for the upstream with HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_SECURITY_TOKEN",
      );

      // Signed with AK/SK: signed again, accepted by the gateway, and its pool drifts (a phase outside the enum).
      let sent: string | null = null;
      const recording: typeof fetch = (input, init) => {
        sent = new Headers(init?.headers).get("authorization");
        return fetch(input, init);
      };
      const pools = createPoolsClient({ ...clientOptionsFromEnv({ endpoint: url }, keys), fetch: recording });
      expect((await pools.createPool(exampleOf("createDedicatedPool"))).status.phase).toBe("Starting");
      // With a token and a count written as a string: the gateway wants a signature and answers an undocumented 401.
      const invalid = exampleOf("createDedicatedPool");
      invalid.spec.resources[0].count = "2";
      expect((await call({ url }, { body: invalid })).status).toBe(401);

      const lines = await violationLines(cli, 3);
      expect(lines).toEqual([
        'violation: createPool response 200 /status/phase enum: status.phase must be one of "Creating", "Running", "Abnormal", "Deleting", "Error", "CreationFailed", "ScalingFailed", "Waiting"',
        "violation: createPool request /spec/resources/0/count type: spec.resources[0].count must be of type integer",
        "violation: createPool response 401 status: createPool documents no 401 answer (it has 200, 400, 409)",
      ]);
      expect(await cli.stop("SIGINT")).toBe(0);

      const written = readFileSync(report, "utf8");
      const reported = written.trimEnd().split("\n").map((line) => JSON.parse(line) as Violation);
      expect(reported.map(({ operationId, direction, status, pointer, rule }) => ({ operationId, direction, status, pointer, rule }))).toEqual([
        { operationId: "createPool", direction: "response", status: 200, pointer: "/status/phase", rule: "enum" },
        { operationId: "createPool", direction: "request", status: null, pointer: "/spec/resources/0/count", rule: "type" },
        { operationId: "createPool", direction: "response", status: 401, pointer: "", rule: "status" },
      ]);

      const incoming = signatureOf(sent);
      const outgoing = signatureOf(gateway.received[0]?.headers["authorization"]);
      expect([incoming, outgoing]).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
      for (const secret of [TOKEN, secretKey, securityToken, incoming!, outgoing!]) {
        expect(cli.output()).not.toContain(secret);
        expect(written).not.toContain(secret);
      }
    } finally {
      await cli.stop("SIGKILL");
    }
  });

  it.each([
    [["--report", "r.ndjson"], {}, "--report needs --proxy <upstream URL>"],
    [["--proxy-strict"], {}, "--proxy-strict needs --proxy <upstream URL>"],
    [["--proxy", "http://127.0.0.1:1", "--stateful"], {}, "--proxy forwards every request to the upstream: it does not go with --stateful or --dynamic"],
    [["--proxy", "ftp://example.test"], {}, 'proxy: the upstream must be an absolute http(s) URL, not "ftp://example.test"'],
    [["--proxy", "http://127.0.0.1:1", "--upstream-timeout-ms", "soon"], {}, "--upstream-timeout-ms must be a whole number of milliseconds > 0, not soon"],
    [["--proxy", "http://127.0.0.1:1"], { HUAWEICLOUD_SDK_SK: secretKey }, "HUAWEICLOUD_SDK_AK is not set (HUAWEICLOUD_SDK_SK is)"],
  ])("refuses %j with exit code 2, naming the problem", async (args, env, message) => {
    const cli = run(["--port", "0", ...args], env);
    try {
      expect(await cli.exit).toBe(2);
      expect(cli.output()).toContain(message);
      expect(cli.output()).not.toContain(secretKey);
    } finally {
      await cli.stop("SIGKILL");
    }
  });
});

describe("modelarts-pools-mock --dynamic --seed", () => {
  it("answers the same generated bodies as startMock({ dynamic: true, seed }) with that seed", async () => {
    const library = await startMock({ dynamic: true, seed: 5 });
    const cli = run(["--port", "0", "--dynamic", "--seed", "5"]);
    try {
      const url = (await cli.ready)[0];
      expect(cli.output()).toContain("(examples mode, dynamic answers) listening");
      for (let index = 0; index < 3; index++) {
        const request = { body: exampleOf("createDedicatedPool") };
        expect((await call({ url }, request)).text).toBe((await call(library, request)).text);
      }
    } finally {
      await cli.stop("SIGKILL");
      await library.close();
    }
  });
});
