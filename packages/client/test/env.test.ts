// Options from the environment, as the official SDKs name the variables: what is read, what overrides win, and an
// error that names each missing variable without ever quoting a value.
import { describe, expect, test } from "vitest";
import { clientOptionsFromEnv, credentialsFromEnv } from "../src/env.js";
import { createPoolsClient } from "../src/index.js";

const accessKey = "AK-env-visible-0001";
const secretKey = "SK-env-secret-9f8e7d6c";
const securityToken = "STS-env-security-token-5a4b";
const projectId = "2e1ad4e4a7d24a6ba0e1a7d1c7e9b2c1";

const complete = {
  HUAWEICLOUD_SDK_AK: accessKey,
  HUAWEICLOUD_SDK_SK: secretKey,
  HUAWEICLOUD_SDK_PROJECT_ID: projectId,
  HUAWEICLOUD_SDK_REGION: "cn-north-4",
};

function failure(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error("expected it to throw");
}

describe("clientOptionsFromEnv", () => {
  test("reads AK/SK, project and region from the environment object it is given", () => {
    expect(clientOptionsFromEnv({}, complete)).toEqual({ projectId, region: "cn-north-4", auth: { accessKey, secretKey } });
  });

  test("adds the security token of temporary credentials", () => {
    const options = clientOptionsFromEnv({}, { ...complete, HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken });
    expect(options.auth).toEqual({ accessKey, secretKey, securityToken });
  });

  test("lets overrides win, and what they give need not be in the environment", () => {
    const options = clientOptionsFromEnv({ endpoint: "http://127.0.0.1:4010", projectId: "other", auth: { token: "t" }, timeoutMs: 5_000 }, {});
    expect(options).toEqual({ endpoint: "http://127.0.0.1:4010", projectId: "other", auth: { token: "t" }, timeoutMs: 5_000 });
  });

  test("an override of the region replaces the environment's", () => {
    expect(clientOptionsFromEnv({ region: "ap-southeast-1" }, complete).region).toBe("ap-southeast-1");
  });

  test("gives options that createPoolsClient takes", () => {
    const pools = createPoolsClient(clientOptionsFromEnv({}, complete));
    expect(pools.endpoint).toBe("https://modelarts.cn-north-4.myhuaweicloud.com");
    expect(pools.projectId).toBe(projectId);
  });

  test("names every missing variable in one error", () => {
    expect(failure(() => clientOptionsFromEnv({}, {})).message).toBe(
      "clientOptionsFromEnv: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID and HUAWEICLOUD_SDK_REGION are not set " +
        "(or give the option it stands for in the overrides: auth, projectId, region or endpoint)",
    );
  });

  test.each(Object.keys(complete))("names %s when only it is missing", (name) => {
    const env: Record<string, string> = { ...complete };
    delete env[name];
    expect(failure(() => clientOptionsFromEnv({}, env)).message).toContain(`${name} is not set`);
  });

  test("treats an empty variable as unset", () => {
    const message = failure(() => clientOptionsFromEnv({}, { ...complete, HUAWEICLOUD_SDK_PROJECT_ID: "" })).message;
    expect(message).toContain("HUAWEICLOUD_SDK_PROJECT_ID is not set");
  });

  test("reads process.env when given no environment", () => {
    const saved = Object.fromEntries(Object.keys(complete).map((name) => [name, process.env[name]]));
    try {
      Object.assign(process.env, complete);
      expect(clientOptionsFromEnv().auth).toEqual({ accessKey, secretKey });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe("credentialsFromEnv", () => {
  test("is undefined when neither key is set", () => {
    expect(credentialsFromEnv({ HUAWEICLOUD_SDK_PROJECT_ID: projectId })).toBeUndefined();
  });

  test.each([
    ["HUAWEICLOUD_SDK_SK", { HUAWEICLOUD_SDK_AK: accessKey }, "HUAWEICLOUD_SDK_SK is not set (HUAWEICLOUD_SDK_AK is)"],
    ["HUAWEICLOUD_SDK_AK", { HUAWEICLOUD_SDK_SK: secretKey }, "HUAWEICLOUD_SDK_AK is not set (HUAWEICLOUD_SDK_SK is)"],
    [
      "both keys",
      { HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken },
      "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set (HUAWEICLOUD_SDK_SECURITY_TOKEN goes with them)",
    ],
  ])("refuses half a pair, naming %s", (_, env, message) => {
    expect(failure(() => credentialsFromEnv(env)).message).toBe(`clientOptionsFromEnv: ${message}`);
  });
});

describe("no value of the environment appears in an error", () => {
  const secrets = [secretKey, securityToken, accessKey, projectId];
  const broken: [string, Record<string, string>][] = [
    ["without the secret key", { ...complete, HUAWEICLOUD_SDK_SK: "", HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken }],
    ["without the access key", { ...complete, HUAWEICLOUD_SDK_AK: "" }],
    ["without project and region", { HUAWEICLOUD_SDK_AK: accessKey, HUAWEICLOUD_SDK_SK: secretKey, HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken }],
  ];
  test.each(broken)("%s", (_, env) => {
    const error = failure(() => clientOptionsFromEnv({}, env));
    const printable = `${error.message}\n${error.stack}\n${JSON.stringify(error, Object.getOwnPropertyNames(error))}`;
    for (const secret of secrets) expect(printable).not.toContain(secret);
  });
});

test("the main entry does not carry it: the environment is read only through @modelarts-pools/client/env", async () => {
  const main = await import("../src/index.js");
  expect(Object.keys(main)).not.toContain("clientOptionsFromEnv");
  expect(Object.keys(main)).not.toContain("credentialsFromEnv");
});
