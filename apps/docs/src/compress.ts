// The page is about 2.5 MB of HTML, most of it Redoc's inlined bundle; compressed it is a quarter of that or less.
// The build compresses it once at the highest settings, so serving never spends time on it. `pnpm dev` rebuilds on
// every save and asks for "fast": brotli at its highest setting alone takes about 3 s for this page.
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** "max" for a build that is served for long; "fast" for a build that is replaced at the next save. */
export type Effort = "max" | "fast";

export const encodings: Record<Encoding, { suffix: string; compress: (data: Buffer, effort?: Effort) => Buffer }> = {
  br: {
    suffix: ".br",
    compress: (data, effort = "max") =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: effort === "max" ? constants.BROTLI_MAX_QUALITY : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  },
  gzip: {
    suffix: ".gz",
    compress: (data, effort = "max") => gzipSync(data, { level: effort === "max" ? constants.Z_BEST_COMPRESSION : constants.Z_BEST_SPEED }),
  },
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
