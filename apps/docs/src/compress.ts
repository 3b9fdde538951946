// The page is about 2.5 MB of HTML, most of it Redoc's inlined bundle; compressed it is a quarter of that or less.
// The build compresses it once at the highest settings, so serving never spends time on it.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

export const encodings: Record<Encoding, { suffix: string; compress: (data: Buffer) => Buffer }> = {
  br: {
    suffix: ".br",
    compress: (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  gzip: { suffix: ".gz", compress: (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }) },
};

/**
 * The encoding to answer with, from an Accept-Encoding header: brotli before gzip (it is smaller), and never one the
 * client refuses with q=0. Undefined means the identity encoding.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...parameters] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const weightOf = (name: Encoding) => weights.get(name) ?? weights.get("*") ?? 0;
  const candidates = (["br", "gzip"] as const).filter((name) => weightOf(name) > 0);
  return candidates.sort((a, b) => weightOf(b) - weightOf(a))[0];
}
