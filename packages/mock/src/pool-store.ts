// Stateful mode: the pools of each scope (project), in memory, created, patched and deleted the way the live API does
// it. The store knows pools, not HTTP: it says what happened, and stateful.ts turns that into the operation's answer.
import { randomUUID } from "node:crypto";
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import type { BodyValidator } from "@modelarts-pools/spec/validator";
import { mergePatch } from "./merge-patch.js";
import type { Clock } from "./clock.js";
import type { PoolRules } from "./pool-rules.js";

/** Why the store did not do what it was asked: no such pool, one of that name already, or no room left. */
export type Refusal = { refused: "not-found" | "exists" | "full"; detail: string };
/**
 * The pool the store keeps, not a copy (a kept pool is never changed in place: a patch makes a new one, sharing what
 * it leaves alone, and an answer is written out as JSON at once): read it, never change it. Or why it refused.
 */
export type Stored<T> = { value: T } | Refusal;

/** A pool as DELETE answers it: `metadata.deletionTimestamp` says when it was deleted. */
export type DeletedPool = Pool & { metadata: Pool["metadata"] & { deletionTimestamp: string } };

export interface PoolStoreOptions {
  /** Most pools kept, over all scopes. */
  maxPools: number;
  /** Most bytes of pools kept, over all scopes, counted as their JSON. */
  maxStateBytes: number;
  /** Where timestamps come from. */
  clock: Clock;
}

export class PoolStore {
  /** scope → metadata.name → pool, and the size of its JSON. */
  readonly #scopes = new Map<string, Map<string, Kept>>();
  #count = 0;
  #bytes = 0;

  constructor(
    private readonly rules: PoolRules,
    /** The pool's schema: every pool kept must be one, or the mock has a bug. */
    private readonly validatePool: BodyValidator,
    private readonly options: PoolStoreOptions,
  ) {}

  /** `path` holds the request's path parameters, for the labels that carry one. */
  create(scope: string, path: Record<string, string>, request: CreatePoolRequest): Stored<Pool> {
    const { nameLabel, labelDefaults, labelsFromPath } = this.rules;
    const label = request.metadata.labels[nameLabel]!;
    for (const { pool } of this.#scopes.get(scope)?.values() ?? []) {
      if (pool.metadata.labels?.[nameLabel] === label) return { refused: "exists", detail: `a pool labelled ${label} exists` };
    }
    if (this.#count >= this.options.maxPools) {
      return { refused: "full", detail: `the mock holds at most ${this.options.maxPools} pools (maxPools); restart it to start afresh` };
    }
    const fromPath = Object.fromEntries(Object.entries(labelsFromPath).map(([name, parameter]) => [name, path[parameter] ?? ""]));
    const pool: Pool = {
      apiVersion: request.apiVersion,
      kind: request.kind,
      metadata: {
        // The live API names a pool after its label plus 32 hex digits: pool-001-86c13962597848eeb29c5861153a391f.
        name: `${label}-${randomUUID().replaceAll("-", "")}`,
        creationTimestamp: timestamp(this.options.clock.now()),
        labels: { ...labelDefaults, ...request.metadata.labels, ...fromPath },
        ...(request.metadata.annotations ? { annotations: { ...request.metadata.annotations } } : {}),
      },
      spec: structuredClone(request.spec ?? {}) as Pool["spec"],
      // A pool the live API has just accepted has no phase yet and no resources in any state.
      status: { resources: {} },
    };
    return this.#keep(scope, pool);
  }

  show(scope: string, name: string): Stored<Pool> {
    const kept = this.#scopes.get(scope)?.get(name);
    return kept ? { value: kept.pool } : notFound(name);
  }

  list(scope: string): Pool[] {
    return [...(this.#scopes.get(scope)?.values() ?? [])].map(({ pool }) => pool);
  }

  /** Applies the patch as an RFC 7396 merge patch: objects merge, arrays and everything else replace. */
  update(scope: string, name: string, patch: UpdatePoolRequest): Stored<Pool> {
    const kept = this.#scopes.get(scope)?.get(name);
    if (!kept) return notFound(name);
    return this.#keep(scope, mergePatch(kept.pool, patch) as Pool);
  }

  delete(scope: string, name: string): Stored<DeletedPool> {
    const pools = this.#scopes.get(scope);
    const kept = pools?.get(name);
    if (!pools || !kept) return notFound(name);
    pools.delete(name);
    this.#count -= 1;
    this.#bytes -= kept.bytes;
    const { pool } = kept;
    // No longer kept, so answered as it is.
    return { value: { ...pool, metadata: { ...pool.metadata, deletionTimestamp: timestamp(this.options.clock.now()) } } };
  }

  #keep(scope: string, pool: Pool): Stored<Pool> {
    // The request was valid, so the pool made from it must be one the spec allows; one that is not is the mock's bug
    // (or a request schema that takes what the Pool schema refuses), reported as such and never kept.
    const result = this.validatePool(pool);
    if (!result.valid) {
      const problems = result.problems.map((problem) => problem.message).join("; ");
      throw new Error(`stateful mode made a pool that the spec's ${this.rules.itemSchema} schema refuses, from a valid request: ${problems}`);
    }
    // The bound is on what is kept, in bytes, whatever the number of pools: a pool patched over and over grows too.
    const bytes = Buffer.byteLength(JSON.stringify(pool));
    let pools = this.#scopes.get(scope);
    const before = pools?.get(pool.metadata.name)?.bytes ?? 0;
    const after = this.#bytes - before + bytes;
    const { maxStateBytes } = this.options;
    if (after > maxStateBytes) {
      const detail = `the mock keeps at most ${maxStateBytes} bytes of pools (maxStateBytes), and this would make ${after}: delete pools, send less, or restart the mock with a larger maxStateBytes`;
      return { refused: "full", detail };
    }
    if (!pools) this.#scopes.set(scope, (pools = new Map()));
    if (!pools.has(pool.metadata.name)) this.#count += 1;
    pools.set(pool.metadata.name, { pool, bytes });
    this.#bytes = after;
    return { value: pool };
  }
}

interface Kept {
  pool: Pool;
  /** The size of the pool's JSON, which counts towards maxStateBytes. */
  bytes: number;
}

function notFound(name: string): Refusal {
  return { refused: "not-found", detail: `no pool named ${name}` };
}

/** The live API's timestamps: UTC to the second, `2021-11-01T03:49:41Z`. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}
