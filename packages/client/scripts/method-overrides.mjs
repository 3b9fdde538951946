// The client's methods are the spec's operations, named by operationId, taking their path parameters, body and query
// in that order and answering the success body (scripts/generate-operations.mjs). These are the only exceptions, each
// kept because an earlier version of the client promised it; the generator refuses one that names an operation the
// spec no longer has, so none outlives its reason.
export const methodOverrides = {
  // `getPool` reads better in TypeScript than the spec's `showPool`, and is what the client has always called it.
  showPool: { name: "getPool" },
  // The pool list has no pages: its `items` are the whole answer a caller wants (the PoolList wrapper says nothing).
  listPools: { returns: "items" },
};
