export { startMock, DEFAULT_HOST, type Mock, type MockOptions } from "./server.js";
