// Client options from environment variables, named as the official Huawei Cloud SDKs name them (HUAWEICLOUD_SDK_AK,
// …), so the credentials a machine already has for those SDKs and KooCLI work here too. Its own entry point
// (`@modelarts-pools/client/env`): the main one runs in browsers, where there is no environment to read.
import type { AkSkCredentials } from "./signing.js";
import type { PoolsClientOptions } from "./client.js";

/** The variables read, by what they hold. */
export const envVariables = {
  accessKey: "HUAWEICLOUD_SDK_AK",
  secretKey: "HUAWEICLOUD_SDK_SK",
  /** Temporary credentials only; sent and signed as `X-Security-Token`. */
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  /** Not one of the official SDKs' variables (they take the region in code); named after them. */
  region: "HUAWEICLOUD_SDK_REGION",
} as const;

/** An environment to read: `process.env`, or any object of the same shape. */
export type Environment = Readonly<Record<string, string | undefined>>;

function processEnv(): Environment {
  // Read through globalThis so that this module has no Node types and loads (and fails clearly) outside Node.
  const env = (globalThis as { process?: { env?: Environment } }).process?.env;
  if (env === undefined) throw new Error("clientOptionsFromEnv: there is no process.env here; pass the environment as the second argument");
  return env;
}

/** A variable's value; unset and empty are the same, as a shell's `VAR=` leaves it. */
function read(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** Only names: the message may be logged, and a value may be a secret. */
function missing(names: readonly string[], instead: string): Error {
  const list = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} are`;
  return new Error(`clientOptionsFromEnv: ${list} not set (${instead})`);
}

/**
 * The AK/SK pair of the environment (with its security token, if any), or undefined when neither key is set.
 * Half a pair is an error naming the missing variable.
 */
export function credentialsFromEnv(env: Environment = processEnv()): AkSkCredentials | undefined {
  const accessKey = read(env, envVariables.accessKey);
  const secretKey = read(env, envVariables.secretKey);
  const securityToken = read(env, envVariables.securityToken);
  if (accessKey === undefined && secretKey === undefined) {
    if (securityToken !== undefined) throw missing([envVariables.accessKey, envVariables.secretKey], `${envVariables.securityToken} goes with them`);
    return undefined;
  }
  if (accessKey === undefined) throw missing([envVariables.accessKey], `${envVariables.secretKey} is`);
  if (secretKey === undefined) throw missing([envVariables.secretKey], `${envVariables.accessKey} is`);
  return securityToken === undefined ? { accessKey, secretKey } : { accessKey, secretKey, securityToken };
}

/**
 * Options for `createPoolsClient` from the environment: AK/SK auth from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK
 * (plus HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), the project from HUAWEICLOUD_SDK_PROJECT_ID and
 * the region from HUAWEICLOUD_SDK_REGION. `overrides` win over the environment, and whatever they give (an
 * `endpoint` instead of a region, a token `auth`) need not be in it; anything still missing is an error that
 * names every missing variable, and never a value.
 */
export function clientOptionsFromEnv(overrides: Partial<PoolsClientOptions> = {}, env: Environment = processEnv()): PoolsClientOptions {
  const absent: string[] = [];
  const auth = overrides.auth ?? credentialsFromEnv(env);
  if (auth === undefined) absent.push(envVariables.accessKey, envVariables.secretKey);
  const projectId = overrides.projectId ?? read(env, envVariables.projectId);
  if (projectId === undefined) absent.push(envVariables.projectId);
  const region = read(env, envVariables.region);
  const located = overrides.endpoint !== undefined || overrides.region !== undefined || region !== undefined;
  if (!located) absent.push(envVariables.region);
  if (absent.length > 0) throw missing(absent, "or give the option it stands for in the overrides: auth, projectId, region or endpoint");
  return {
    ...(region === undefined ? {} : { region }),
    ...overrides,
    projectId: projectId!,
    auth: auth!,
  };
}
