// Which method of @modelarts-pools/client the TypeScript samples call for an operation. The client's method names are
// its own API, chosen for TypeScript readers (`getPool` reads better than the spec's `showPool`), so they cannot be
// derived from the spec: where one differs from the operationId, it is listed here, and only here. The test that
// compiles every sample against the real client (test/samples.e2e.test.ts) is the check of this map: a wrong or missing
// name does not compile.

/** operationId → the client's method, where the two differ. */
const clientMethodNames: Readonly<Record<string, string>> = {
  showPool: "getPool",
};

export function clientMethod(operationId: string): string {
  return Object.hasOwn(clientMethodNames, operationId) ? clientMethodNames[operationId]! : operationId;
}
