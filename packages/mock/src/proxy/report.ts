// How the CLI tells about violations: one line each on its output, and one JSON object per line (NDJSON) in the
// file given with --report.
import { createWriteStream } from "node:fs";
import type { Violation } from "./violations.js";

/** `violation: createPool response 200 /metadata/name required: metadata.name is required` */
export function violationLine(violation: Violation): string {
  const where = [violation.operationId ?? "(no operation)", violation.direction, violation.status ?? "", violation.pointer].filter((part) => part !== "");
  return `violation: ${where.join(" ")} ${violation.rule}: ${violation.message}`;
}

export interface ViolationReport {
  write(violation: Violation): void;
  /** Flushes what was written and closes the file. */
  close(): Promise<void>;
}

/** Starts the file afresh: a report holds one run of the proxy. */
export function ndjsonReport(path: string): Promise<ViolationReport> {
  const stream = createWriteStream(path, { flags: "w" });
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.once("open", () => {
      stream.off("error", reject);
      stream.on("error", () => undefined); // a disk that fails later loses lines, not the proxy
      resolve({
        write: (violation) => void stream.write(`${JSON.stringify(violation)}\n`),
        close: () => new Promise<void>((done) => stream.end(done)),
      });
    });
  });
}
