export { startMock, DEFAULT_HOST, DEFAULT_PORT, type Mock, type MockOptions } from "./server.js";
