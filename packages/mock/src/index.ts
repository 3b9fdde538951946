export { startMock, DEFAULT_CREATING_MS, DEFAULT_DELETING_MS, DEFAULT_HOST, DEFAULT_MAX_STATE_BYTES, DEFAULT_PORT, type Mock, type MockOptions } from "./server.js";
export { manualClock, systemClock, type Clock, type ManualClock } from "./clock.js";
export type { Violation } from "./proxy/violations.js";
