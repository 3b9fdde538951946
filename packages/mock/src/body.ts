// Reads a request body up to a size limit. Past the limit it stops reading: the caller answers 400 and closes the
// connection, so a client cannot make the mock buffer an unbounded body.
import type { IncomingMessage } from "node:http";

/** `bytes` are the body exactly as it came (the proxy forwards them); `text` is the same read as UTF-8. */
export type BodyResult = { kind: "read"; text: string; bytes: Buffer } | { kind: "too-large" } | { kind: "broken" };

export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: "too-large" });
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
      if (size > limit) {
        request.pause();
        finish({ kind: "too-large" });
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
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
