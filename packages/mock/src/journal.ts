// The request journal: every request the mock answered (not its admin routes), newest kept within a byte budget, so a
// test can ask what its code sent and how the mock answered it. Entries hold no secret: the credential headers are
// replaced by "[redacted]" before anything is kept.
import type { IncomingHttpHeaders } from "node:http";
import type { Violation } from "./checks.js";

export interface JournalEntry {
  /** The operation the request was routed to; null for a method and path the spec has none for. */
  operationId: string | null;
  method: string;
  path: string;
  /** The path parameters, percent-decoded ({} when the request reached no operation). */
  pathParameters: Record<string, string>;
  /** Each query parameter with all its values, in order. */
  query: Record<string, string[]>;
  /** Header values by lower-case name, credentials redacted. */
  headers: Record<string, string>;
  /** The body: parsed JSON, or the text when it is not JSON; null when there was none. */
  body: unknown;
  /** The answer's status; null when the mock answered with a fault that sends no status (fault=reset, timeout). */
  status: number | null;
  /** The fault the mock injected into this answer, if any (`503`, `429`, `reset`, `timeout`). */
  fault: string | null;
  /** Where the request, or in proxy mode the upstream's answer, departs from the spec ([] when nowhere). */
  violations: Violation[];
  /** When the request arrived, on the mock's clock (ISO 8601). */
  time: string;
}

export interface JournalFilter {
  operationId?: string;
  method?: string;
  status?: number;
}

/** Headers whose values are credentials: never kept, never shown. */
export const REDACTED_HEADERS = ["x-auth-token", "authorization", "x-security-token"];

/** 4 MiB of entries' JSON: thousands of ordinary requests, and a bound a developer's machine does not feel. */
export const DEFAULT_JOURNAL_BYTES = 4 * 1024 * 1024;

/** The headers as the journal keeps them: one string per name, credentials redacted. */
export function journalHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    kept[name] = REDACTED_HEADERS.includes(name) ? "[redacted]" : Array.isArray(value) ? value.join(", ") : value;
  }
  return kept;
}

/** The body as the journal keeps it: JSON parsed, other text as it is, nothing as null. */
export function journalBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return null;
  const text = bytes.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class Journal {
  readonly #entries: { entry: JournalEntry; bytes: number }[] = [];
  #bytes = 0;
  #dropped = 0;

  constructor(readonly budgetBytes: number = DEFAULT_JOURNAL_BYTES) {
    if (!Number.isSafeInteger(budgetBytes) || budgetBytes < 0) throw new RangeError(`journalBytes must be a whole number of bytes from 0 up, not ${budgetBytes}`);
  }

  /** Keeps the entry, dropping the oldest until the journal is within its budget (an entry larger than it is dropped at once). */
  record(entry: JournalEntry): void {
    const bytes = Buffer.byteLength(JSON.stringify(entry));
    this.#entries.push({ entry, bytes });
    this.#bytes += bytes;
    while (this.#bytes > this.budgetBytes && this.#entries.length > 0) {
      this.#bytes -= this.#entries.shift()!.bytes;
      this.#dropped += 1;
    }
  }

  /** The entries kept, oldest first, those the filter names only. */
  entries(filter: JournalFilter = {}): JournalEntry[] {
    return this.#entries
      .map(({ entry }) => entry)
      .filter(
        (entry) =>
          (filter.operationId === undefined || entry.operationId === filter.operationId) &&
          (filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
          (filter.status === undefined || entry.status === filter.status),
      );
  }

  /** How many entries were dropped to keep within the budget since the journal was last cleared. */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    this.#entries.length = 0;
    this.#bytes = 0;
    this.#dropped = 0;
  }
}

/** A filter from the admin route's query: each name once, status a three-digit number; or what is wrong with it. */
export function filterOf(query: URLSearchParams): { ok: true; filter: JournalFilter } | { ok: false; problem: string } {
  const filter: JournalFilter = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    if (values.length > 1) return { ok: false, problem: `${name} is given ${values.length} times; give it once` };
    const value = values[0]!;
    if (name === "operationId") filter.operationId = value;
    else if (name === "method") filter.method = value;
    else if (name === "status") {
      if (!/^\d{3}$/.test(value)) return { ok: false, problem: `status must be a three-digit HTTP status, not ${JSON.stringify(value)}` };
      filter.status = Number(value);
    } else return { ok: false, problem: `${name} is not a filter of the journal (it takes operationId, method and status)` };
  }
  return { ok: true, filter };
}
