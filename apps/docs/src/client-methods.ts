// Which method of @modelarts-pools/client the TypeScript samples call for an operation, and what it resolves to: read
// from the client's own table of its methods (`@modelarts-pools/client/operations`, generated from the spec with the
// client's few declared overrides), so the samples and the client cannot disagree. The test that compiles every
// sample against the real client (test/samples.e2e.test.ts) checks the calls.
import { operations } from "@modelarts-pools/client/operations";

interface ClientEntry {
  name?: string;
  returns?: string;
  pages?: boolean;
}

function entryOf(operationId: string): ClientEntry {
  const entry = Object.hasOwn(operations, operationId) ? (operations as Readonly<Record<string, ClientEntry>>)[operationId] : undefined;
  if (!entry) throw new Error(`@modelarts-pools/client has no method for ${operationId}: build the client from this spec first`);
  return entry;
}

/** The client's method for the operation. */
export function clientMethod(operationId: string): string {
  return entryOf(operationId).name ?? operationId;
}

/** The property of the answer the method resolves to, when not the whole answer (listPools → `items`). */
export function clientReturns(operationId: string): string | undefined {
  return entryOf(operationId).returns;
}
