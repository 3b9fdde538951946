export { startMock, DEFAULT_CREATING_MS, DEFAULT_DELETING_MS, DEFAULT_HOST, DEFAULT_MAX_STATE_BYTES, DEFAULT_PORT, type Mock, type MockOptions } from "./server.js";
export { manualClock, systemClock, type Clock, type ManualClock } from "./clock.js";
export type { Violation } from "./checks.js";
export { DEFAULT_JOURNAL_BYTES, REDACTED_HEADERS, type JournalEntry, type JournalFilter } from "./journal.js";
export { FAULT_TIMEOUT_MAX_MS, MAX_DELAY_MS } from "./faults.js";
export type { KeyPairs, VerifySignaturesOption } from "./signatures.js";
