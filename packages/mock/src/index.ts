export { startMock, DEFAULT_HOST, DEFAULT_PORT, type Mock, type MockOptions } from "./server.js";
export type { Violation } from "./proxy/violations.js";
