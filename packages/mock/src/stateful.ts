// Stateful mode: the answers of the operations of REST shape (resources.ts), from a pool store per collection. Each
// answer has the status of the operation's success response; a refusal is the operation's own error answer.
import { deref, isObject, namedExample, resolveRef, type JsonObject, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { ResponseDescription } from "@modelarts-pools/spec/operations";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import type { Clock } from "./clock.js";
import type { Answer, Errors } from "./answer.js";
import { poolFilter, WORKSPACE_LABEL, workspaceDefault } from "./pool-filter.js";
import { preferredOutcome } from "./pool-lifecycle.js";
import { poolRulesOf, type PoolRules } from "./pool-rules.js";
import { PoolNodes, type NodesSnapshot } from "./pool-nodes.js";
import { PoolStore, type KeptPool, type PoolStoreOptions, type Stored } from "./pool-store.js";
import { dutiesOf, type Duty } from "./resources.js";
import type { Operation } from "./router.js";

/** A valid request, as stateful mode reads it. */
export interface StatefulRequest {
  /** Path parameters, percent-decoded. */
  path: Record<string, string>;
  query: Record<string, string>;
  /** The Prefer header's preferences (prefer.ts), for the one stateful mode reads (`phase`, pool-lifecycle.ts). */
  preferences: ReadonlyMap<string, string>;
  body: unknown;
}

export interface StatefulAnswers {
  /** The stored answer to a valid request, or undefined when stateful mode does not answer that operation. */
  answer(operation: Operation, request: StatefulRequest): Answer | undefined;
  /** What stateful mode keeps, as the state file holds it (state-file.ts). */
  snapshot(): StateSnapshot;
  /** Forgets everything, then keeps what the snapshot holds (checked: an Error names the problem, and nothing is kept). */
  restore(snapshot: StateSnapshot): void;
}

/** Everything stateful mode keeps: each collection's pools (by its path, `/v2/{project_id}/pools`), and their nodes. */
export interface StateSnapshot {
  collections: Record<string, KeptPool[]>;
  nodes: NodesSnapshot;
}

export const EMPTY_STATE: StateSnapshot = { collections: {}, nodes: { pools: {}, made: 0 } };

type Answerer = (request: StatefulRequest) => Answer;

export function statefulAnswers(spec: OpenApiDocument, operations: readonly Operation[], errors: Errors, options: PoolStoreOptions): StatefulAnswers {
  const duties = [...dutiesOf(operations).values()];
  const stores = new Map<string, { store: PoolStore; rules: PoolRules }>();
  for (const { role, resource, operation } of duties) {
    if (role !== "create" || stores.has(resource.collection)) continue;
    const items = duties.filter((duty) => duty.resource === resource && ["show", "update", "delete"].includes(duty.role)).map((duty) => duty.operation);
    const rules = poolRulesOf(spec, operation, items, resource.name);
    if (!rules) continue;
    stores.set(resource.collection, { store: new PoolStore(rules, schemaValidator(spec, rules.itemSchema), options), rules });
  }

  const answerers = new Map<string, Answerer>();
  for (const duty of duties) {
    const kept = stores.get(duty.resource.collection);
    const answerer = kept ? answererOf(spec, duty, kept.store, kept.rules, errors) : undefined;
    if (answerer) answerers.set(duty.operation.operationId, answerer);
  }
  // Any other operation under an item (`…/pools/{pool_name}/nodes`) needs the item: one the scope does not have is
  // not found, as the live API answers. The pool's nodes are kept beside it (pool-nodes.ts); any other such
  // operation is answered from the spec's examples.
  const guards = new Map<string, (request: StatefulRequest) => Answer | undefined>();
  const nodes = new PoolNodes(options);
  for (const operation of operations) {
    if (answerers.has(operation.operationId)) continue;
    for (const { resource } of duties) {
      const kept = stores.get(resource.collection);
      const item = `${resource.collection}/{${resource.name}}`;
      if (!kept || !operation.path.startsWith(`${item}/`)) continue;
      const scopeOf = (path: Record<string, string>) => JSON.stringify(resource.scope.map((parameter) => path[parameter]));
      const answerNodes = nodesAnswerer(spec, operation, operation.path.slice(item.length), nodes, kept.store, errors, options.clock);
      guards.set(operation.operationId, (request) => {
        const scope = scopeOf(request.path);
        const name = request.path[resource.name] ?? "";
        const found = kept.store.show(scope, name);
        if ("refused" in found) {
          nodes.forget(`${scope}/${name}`);
          return errors.notFound(operation, found.detail);
        }
        return answerNodes?.(request, { scope, name, pool: found.value });
      });
      break;
    }
  }
  return {
    answer: (operation, request) => (answerers.get(operation.operationId) ?? guards.get(operation.operationId))?.(request),
    snapshot: () => ({
      collections: Object.fromEntries([...stores].map(([collection, { store }]) => [collection, store.snapshot()])),
      nodes: nodes.snapshot(),
    }),
    restore(snapshot) {
      try {
        if (typeof snapshot?.collections !== "object" || snapshot.collections === null) throw new Error("collections must be { [collection path]: [pools] }");
        const unknown = Object.keys(snapshot.collections).filter((collection) => !stores.has(collection));
        if (unknown.length > 0) throw new Error(`collections has ${unknown.join(", ")}, which the spec keeps no pools of (it keeps ${[...stores.keys()].join(", ")})`);
        for (const [collection, { store }] of stores) {
          const pools = snapshot.collections[collection] ?? [];
          if (!Array.isArray(pools)) throw new Error(`collections[${JSON.stringify(collection)}] must be a list of pools`);
          try {
            store.restore(pools);
          } catch (error) {
            throw new Error(`collections[${JSON.stringify(collection)}]: ${(error as Error).message}`);
          }
        }
        nodes.restore(snapshot.nodes);
      } catch (error) {
        for (const { store } of stores.values()) store.restore([]);
        nodes.restore(EMPTY_STATE.nodes);
        throw error;
      }
    },
  };
}

function answererOf(spec: OpenApiDocument, duty: Duty, store: PoolStore, rules: PoolRules, errors: Errors): Answerer | undefined {
  const { itemSchema } = rules;
  const { role, resource, operation } = duty;
  const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
  if (!success) return undefined;
  const status = Number(success[0]);
  const mediaType = success[1].mediaTypes[0];
  if (mediaType === undefined) return undefined;
  // What the store keeps it has checked against the item schema; an answer of another schema (a list, a deleted
  // pool) is checked here, since it too must be one the spec allows.
  const schema = success[1].schema;
  const validate = schema && schema !== itemSchema ? schemaValidator(spec, schema) : undefined;
  const answer = <T>(stored: Stored<T>): Answer => {
    if ("refused" in stored) {
      if (stored.refused === "not-found") return errors.notFound(operation, stored.detail);
      if (stored.refused === "exists") return errors.conflict(operation, stored.detail);
      return errors.badRequest(operation, stored.detail);
    }
    const result = validate?.(stored.value);
    if (result && !result.valid) {
      const problems = result.problems.map((problem) => problem.message).join("; ");
      throw new Error(`stateful mode answered ${operation.operationId} with a body the spec's ${schema} schema refuses: ${problems}`);
    }
    return { status, body: stored.value, mediaType };
  };
  const scopeOf = (path: Record<string, string>) => JSON.stringify(resource.scope.map((parameter) => path[parameter]));
  const nameOf = (path: Record<string, string>) => path[resource.name] ?? "";

  switch (role) {
    case "create":
      // The request body has passed the operation's schema, which is the create request's.
      return ({ path, preferences, body }) => {
        const preferred = preferredOutcome(preferences);
        if (!preferred.ok) return errors.badRequest(operation, preferred.problem);
        return answer(store.create(scopeOf(path), path, body as CreatePoolRequest, preferred.outcome));
      };
    case "show":
      return ({ path }) => answer(store.show(scopeOf(path), nameOf(path)));
    case "update":
      return ({ path, body }) => answer(store.update(scopeOf(path), nameOf(path), body as UpdatePoolRequest));
    case "delete":
      return ({ path }) => answer(store.delete(scopeOf(path), nameOf(path)));
    case "list": {
      const envelope = listEnvelope(spec, success[1], itemSchema);
      const filterRules = { workspaceLabel: WORKSPACE_LABEL, defaultWorkspace: workspaceDefault(spec, operation) };
      return (
        envelope &&
        (({ path, query }) => {
          const filter = poolFilter(query, filterRules);
          if (!filter.ok) return errors.badRequest(operation, filter.problem);
          const listed = store.list(scopeOf(path)).filter((pool) => filter.keep({ labels: pool.metadata.labels ?? {}, phase: pool.status.phase }));
          return answer({ value: envelope(listed) });
        })
      );
    }
  }
}

/**
 * How a list answer wraps its items: as they are when its schema is an array of the item schema; else as the
 * property of that array type, in the answer's example (or the single values its schema's enums allow).
 */
function listEnvelope(spec: OpenApiDocument, response: ResponseDescription, itemSchema: string): ((items: unknown[]) => unknown) | undefined {
  if (!response.schema) return undefined;
  const itemRef = `#/components/schemas/${itemSchema}`;
  const listsItems = (node: unknown) => {
    const schema = deref(spec, node);
    return schema.type === "array" && resolveRef(spec, schema.items).ref === itemRef;
  };
  const root = { $ref: `#/components/schemas/${response.schema}` };
  if (listsItems(root)) return (items) => items;
  const properties = deref(spec, root).properties;
  const property = Object.entries(isObject(properties) ? properties : {}).find(([, node]) => listsItems(node))?.[0];
  if (property === undefined) return undefined;
  const base: JsonObject = {};
  for (const [name, node] of Object.entries(isObject(properties) ? properties : {})) {
    const schema = deref(spec, node);
    if (Array.isArray(schema.enum) && schema.enum.length === 1) base[name] = schema.enum[0]!;
    if (schema.const !== undefined) base[name] = schema.const;
  }
  const example = response.examples[0];
  if (example !== undefined) Object.assign(base, namedExample<JsonObject>(spec, example));
  return (items) => ({ ...base, [property]: items });
}

/** The pool, found, that an operation under it acts on. */
interface UnderPool {
  scope: string;
  name: string;
  pool: Pool;
}

/**
 * The answers of the node operations under a pool, by the shape of their path below it: GET `/nodes` lists a page of
 * the pool's nodes, POST `/nodes/batch-delete` deletes the named ones. Undefined for any other operation.
 */
function nodesAnswerer(
  spec: OpenApiDocument,
  operation: Operation,
  below: string,
  nodes: PoolNodes,
  store: PoolStore,
  errors: Errors,
  clock: Clock,
): ((request: StatefulRequest, under: UnderPool) => Answer) | undefined {
  const success = Object.entries(operation.responses).find(([status]) => /^2\d\d$/.test(status));
  if (!success) return undefined;
  const status = Number(success[0]);
  const mediaType = success[1].mediaTypes[0] ?? "";
  if (operation.method === "GET" && below === "/nodes") {
    const validate = success[1].schema ? schemaValidator(spec, success[1].schema) : undefined;
    return ({ query }, { scope, name, pool }) => {
      const page = nodes.page(`${scope}/${name}`, pool, clock.now(), query);
      if ("refused" in page) return errors.badRequest(operation, page.refused);
      const result = validate?.(page.value);
      if (result && !result.valid) throw new Error(`stateful mode answered ${operation.operationId} with a body the spec refuses: ${result.problems.map((problem) => problem.message).join("; ")}`);
      return { status, body: page.value, mediaType };
    };
  }
  if (operation.method === "POST" && below === "/nodes/batch-delete") {
    return ({ body }, { scope, name, pool }) => {
      const names = (body as { deleteNodeNames: string[] }).deleteNodeNames;
      const deleted = nodes.delete(`${scope}/${name}`, pool, clock.now(), names);
      if ("refused" in deleted) return errors.badRequest(operation, deleted.refused);
      const updated = store.update(scope, name, { spec: { resources: deleted.value } } as UpdatePoolRequest);
      if ("refused" in updated) return errors.badRequest(operation, updated.detail);
      return { status, body: undefined, mediaType };
    };
  }
  return undefined;
}
