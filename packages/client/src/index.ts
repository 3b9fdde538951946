export { createPoolsClient } from "./client.js";
export type { CallOptions, ListPoolsQuery, PoolsClient, PoolsClientOptions, RetryCallOptions, UpdatePoolOptions, WaitForPoolOptions } from "./client.js";
export type { PoolsAuth } from "./auth.js";
export { platformClock } from "./clock.js";
export type { Clock } from "./clock.js";
export type { RetryOptions } from "./retry.js";
export { ModelArtsApiError, ModelArtsCallError, ModelArtsNetworkError, ModelArtsPoolFailedError, ModelArtsTimeoutError } from "./errors.js";
export type { FailedCall } from "./errors.js";
export { signRequest } from "./signing.js";
export type { AkSkCredentials, SignableRequest } from "./signing.js";
export type {
  CreatePoolRequest,
  ModelArtsError,
  paths,
  Pool,
  PoolDeletion,
  PoolList,
  PoolPhase,
  PoolStatus,
  UpdatePoolRequest,
} from "@modelarts-pools/types";
