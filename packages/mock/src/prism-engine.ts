// Prism, in this process: its router, content negotiation and example selection answer every request the mock does
// not answer itself. Run in-process rather than as a child behind a proxy: no second HTTP hop, no process to start,
// and the mock's own validation replaces Prism's request validation (same schemas, but worded per field).
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

export async function createPrismEngine(spec: OpenApiDocument): Promise<PrismEngine> {
  // Prism dereferences the document it is given in place; it gets its own copy.
  const operations = await getHttpOperationsFromSpec(structuredClone(spec) as object);
  const prism = createInstance(CONFIG, { logger: silentLogger() });
  return {
    async answer(request, preference) {
      const mock = { dynamic: false, ...(preference.code ? { code: preference.code } : {}), ...(preference.exampleKey ? { exampleKey: preference.exampleKey } : {}) };
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
