// Reads a request body up to a size limit. A larger body is still read to its end, and thrown away, before the
// caller answers: a server that answers and closes while the client is still writing resets the connection, and the
// client may then lose the answer (EPIPE or ECONNRESET instead of the 400). Only past a second, larger bound does it
// stop reading; the caller then answers and closes, and a client sending that much may see the connection cut.
import type { IncomingMessage } from "node:http";

export type BodyResult =
  /** `bytes` are the body exactly as it came (the proxy forwards them); `text` is the same read as UTF-8. */
  | { kind: "read"; text: string; bytes: Buffer }
  /** `drained`: the whole body was read (and thrown away), so the connection can carry another request. */
  | { kind: "too-large"; drained: boolean }
  | { kind: "broken" };

/** The most a refused body is read for, before the mock gives up on it: 16 MiB, or four times the limit if more. */
function drainLimitOf(limit: number): number {
  return Math.max(16 * 1024 * 1024, 4 * limit);
}

export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const drainLimit = drainLimitOf(limit);
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > drainLimit) return Promise.resolve({ kind: "too-large", drained: false });
  let tooLarge = Number.isFinite(declared) && declared > limit;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onBroken);
      request.off("aborted", onBroken);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) {
        request.pause();
        finish({ kind: "too-large", drained: false });
      } else if (size > limit || tooLarge) {
        tooLarge = true;
        chunks.length = 0; // nothing of a refused body is kept while the rest is read
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      if (tooLarge) return finish({ kind: "too-large", drained: true });
      const bytes = Buffer.concat(chunks);
      finish({ kind: "read", text: bytes.toString("utf8"), bytes });
    };
    const onBroken = () => finish({ kind: "broken" });
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onBroken);
    request.on("aborted", onBroken);
  });
}
