// Prism, in this process: its router, content negotiation and example selection (or, for dynamic answers, its
// generator) answer every request the mock does not answer itself. Run in-process rather than as a child behind a
// proxy: no second HTTP hop, no process to start, and the mock's own validation replaces Prism's request validation
// (same schemas, but worded per field).
import { createInstance, getHttpOperationsFromSpec, type IHttpConfig, type IHttpRequest } from "@stoplight/prism-http";
import type { Answer } from "./answer.js";
import type { Preference } from "./prefer.js";
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";

export type PrismRequest = IHttpRequest;

/** The answer Prism picks, or the reason it could not (`detail` of its problem+json, which the mock never sends). */
export type PrismResult = { ok: true; answer: Omit<Answer, "mediaType"> & { headers: Record<string, string> } } | { ok: false; detail: string };

export interface PrismEngine {
  answer(request: PrismRequest, preference: Preference): Promise<PrismResult>;
}

const CONFIG: IHttpConfig = {
  isProxy: false,
  // The mock has already checked credentials and validated the body, with the shared validator.
  checkSecurity: false,
  validateRequest: false,
  // Examples are checked against the spec by the spec's own tests; checking them on every answer only costs time.
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  mock: { dynamic: false },
};

export interface GeneratorOptions {
  /** Answer from the response schema (Prism's generator, json-schema-faker) instead of the spec's examples. */
  dynamic?: boolean;
  /** Makes generated answers repeatable: the n-th generated answer of every engine with this seed is the same. */
  seed?: number | string;
}

export async function createPrismEngine(spec: OpenApiDocument, generator: GeneratorOptions = {}): Promise<PrismEngine> {
  // Prism dereferences the document it is given in place; it gets its own copy.
  const operations = await getHttpOperationsFromSpec(structuredClone(spec) as object);
  const prism = createInstance(CONFIG, { logger: silentLogger() });
  const nextSeed = seeds(generator.seed);
  return {
    async answer(request, preference) {
      const dynamic = preference.dynamic ?? generator.dynamic ?? false;
      const mock = {
        dynamic,
        ...(dynamic ? { seed: nextSeed() } : {}),
        ...(preference.code ? { code: preference.code } : {}),
        ...(preference.exampleKey ? { exampleKey: preference.exampleKey } : {}),
      };
      const result = await prism.request(request, operations, { ...CONFIG, mock })();
      if (result._tag === "Left") {
        const error = result.left as Error & { detail?: string };
        return { ok: false, detail: error.detail ?? error.message };
      }
      const { output } = result.right;
      return { ok: true, answer: { status: output.statusCode, headers: output.headers ?? {}, body: output.body } };
    },
  };
}

type PrismLogger = Parameters<typeof createInstance>[1]["logger"];

// Prism seeds json-schema-faker with seedrandom(seed) on each generated answer, and without a seed leaves the last
// seeded generator in place, shared by every engine of the process. So every answer gets a seed of its own: the
// mock's seed and the answer's number (a repeatable sequence of different answers, not one answer repeated), or,
// with no seed, a random one.
function seeds(seed: number | string | undefined): () => string {
  let count = 0;
  return seed === undefined ? () => Math.random().toString(36).slice(2) : () => `${seed}:${count++}`;
}

// Prism logs every step of every request through pino; the mock keeps quiet. Any method is a no-op, child() is itself.
function silentLogger(): PrismLogger {
  const logger: object = new Proxy(
    {},
    {
      get: (_target, property) => (property === "child" ? () => logger : property === "level" ? "silent" : () => undefined),
    },
  );
  return logger as PrismLogger;
}
