export { createPoolsClient } from "./client.js";
export type { CallOptions, PoolsClient, PoolsClientOptions, UpdatePoolOptions } from "./client.js";
export type { PoolsAuth } from "./auth.js";
export { platformClock } from "./clock.js";
export type { Clock } from "./clock.js";
export type { RetryOptions } from "./retry.js";
export { ModelArtsApiError, ModelArtsCallError, ModelArtsNetworkError, ModelArtsTimeoutError } from "./errors.js";
export type { FailedCall } from "./errors.js";
export { signRequest } from "./signing.js";
export type { AkSkCredentials, SignableRequest } from "./signing.js";
export type {
  CreatePoolRequest,
  ModelArtsError,
  paths,
  Pool,
  PoolPhase,
  PoolStatus,
  UpdatePoolRequest,
} from "@modelarts-pools/types";
