// Stateful mode: the pools of each scope (project), in memory, created, patched and deleted the way the live API does
// it, each living its lifecycle (pool-lifecycle.ts) on the clock. The store knows pools, not HTTP: it says what
// happened, and stateful.ts turns that into the operation's answer.
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import type { BodyValidator } from "@modelarts-pools/spec/validator";
import { mergePatch } from "./merge-patch.js";
import type { Clock } from "./clock.js";
import { goneAt, phaseAt, type LifecycleTimes, type Life, type Outcome } from "./pool-lifecycle.js";
import { poolNameFor } from "./pool-names.js";
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

export interface PoolStoreOptions extends LifecycleTimes {
  /** Most pools kept, over all scopes. */
  maxPools: number;
  /** Most bytes of pools kept, over all scopes, counted as their JSON. */
  maxStateBytes: number;
  /** Where timestamps, and so each pool's phase, come from. */
  clock: Clock;
}

export class PoolStore {
  /** scope → metadata.name → pool, and the size of its JSON. */
  readonly #scopes = new Map<string, Map<string, Kept>>();
  /**
   * The pools being deleted, in the order their deletions began, so in the order they are gone (deletingMs is the same
   * for all): each call first drops those whose time is up, so a deleted pool is held no longer than the next call
   * after it is gone.
   */
  readonly #deletions: { scope: string; name: string }[] = [];
  #count = 0;
  #bytes = 0;

  constructor(
    private readonly rules: PoolRules,
    /** The pool's schema: every pool kept must be one, or the mock has a bug. */
    private readonly validatePool: BodyValidator,
    private readonly options: PoolStoreOptions,
  ) {}

  /**
   * `path` holds the request's path parameters, for the labels that carry one; `outcome` is the phase the pool ends
   * its creation in. The answer is the pool as the live API has just accepted it: no phase yet.
   */
  create(scope: string, path: Record<string, string>, request: CreatePoolRequest, outcome: Outcome): Stored<Pool> {
    const now = this.#sweep();
    const { nameLabel, labelDefaults, labelsFromPath, nameMaxLength } = this.rules;
    const label = request.metadata.labels[nameLabel]!;
    const pools = this.#scopes.get(scope);
    for (const { pool } of pools?.values() ?? []) {
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
        name: poolNameFor(label, nameMaxLength, (name) => pools?.has(name) === true),
        creationTimestamp: timestamp(now),
        labels: { ...labelDefaults, ...request.metadata.labels, ...fromPath },
        ...(request.metadata.annotations ? { annotations: { ...request.metadata.annotations } } : {}),
      },
      spec: structuredClone(request.spec ?? {}) as Pool["spec"],
      // A pool the live API has just accepted has no phase yet and no resources in any state; the phase is added as
      // time passes, when the pool is read (view).
      status: { resources: {} },
    };
    const kept = this.#keep(scope, pool, { createdAt: now, outcome });
    return "refused" in kept ? kept : { value: pool };
  }

  show(scope: string, name: string): Stored<Pool> {
    const now = this.#sweep();
    const kept = this.#scopes.get(scope)?.get(name);
    return kept ? { value: this.#view(kept, now) } : notFound(name);
  }

  list(scope: string): Pool[] {
    const now = this.#sweep();
    return [...(this.#scopes.get(scope)?.values() ?? [])].map((kept) => this.#view(kept, now));
  }

  /** Applies the patch as an RFC 7396 merge patch: objects merge, arrays and everything else replace. */
  update(scope: string, name: string, patch: UpdatePoolRequest): Stored<Pool> {
    const now = this.#sweep();
    const kept = this.#scopes.get(scope)?.get(name);
    if (!kept) return notFound(name);
    const updated = this.#keep(scope, mergePatch(kept.pool, patch) as Pool, kept.life);
    return "refused" in updated ? updated : { value: this.#view(updated.value, now) };
  }

  /**
   * Begins the pool's deletion: it answers `Deleting` with its `deletionTimestamp` until `deletingMs` have passed,
   * then it is gone. Deleting it again meanwhile answers the same, and does not start the time again.
   */
  delete(scope: string, name: string): Stored<DeletedPool> {
    const now = this.#sweep();
    const kept = this.#scopes.get(scope)?.get(name);
    if (!kept) return notFound(name);
    if (kept.life.deletedAt === undefined) {
      kept.life = { ...kept.life, deletedAt: now };
      this.#deletions.push({ scope, name });
      // A deletingMs of 0: gone at once, the answer saying when its deletion began.
      if (goneAt(kept.life, now, this.options)) this.#sweep();
    }
    return { value: this.#view(kept, now) as DeletedPool };
  }

  /** Every pool kept, as the state file holds them: its scope, the pool as created and patched, and its life. */
  snapshot(): KeptPool[] {
    this.#sweep();
    return [...this.#scopes].flatMap(([scope, pools]) => [...pools.values()].map(({ pool, life }) => ({ scope, pool, life })));
  }

  /**
   * Forgets every pool, then keeps these (a state file's, checked: each pool must be one the spec allows, within the
   * bounds). Throws an Error naming the pool and the problem; the store is then empty.
   */
  restore(pools: readonly KeptPool[]): void {
    this.#scopes.clear();
    this.#deletions.length = 0;
    this.#count = 0;
    this.#bytes = 0;
    const deleting: { scope: string; name: string; at: number }[] = [];
    for (const [index, { scope, pool, life }] of pools.entries()) {
      const where = `pools[${index}]`;
      if (typeof scope !== "string") throw new Error(`${where}.scope must be a string`);
      if (!isLife(life)) throw new Error(`${where}.life must be { createdAt, outcome: Running or CreationFailed, deletedAt? } with times in milliseconds`);
      const result = this.validatePool(pool);
      if (!result.valid) throw new Error(`${where}.pool is not a ${this.rules.itemSchema}: ${result.problems.map((problem) => problem.message).join("; ")}`);
      if (this.#scopes.get(scope)?.has(pool.metadata.name)) throw new Error(`${where}: a second pool named ${pool.metadata.name} in one scope`);
      if (this.#count >= this.options.maxPools) throw new Error(`more than ${this.options.maxPools} pools (maxPools)`);
      const kept = this.#keep(scope, pool, life);
      if ("refused" in kept) throw new Error(`${where}: ${kept.detail}`);
      if (life.deletedAt !== undefined) deleting.push({ scope, name: pool.metadata.name, at: life.deletedAt });
    }
    // In the order their deletions began, which is the order they are gone.
    this.#deletions.push(...deleting.sort((a, b) => a.at - b.at).map(({ scope, name }) => ({ scope, name })));
    this.#sweep();
  }

  /** The pool as it is at `now`: its phase, and when it is being deleted, when that began. */
  #view({ pool, life }: Kept, now: number): Pool {
    const phase = phaseAt(life, now, this.options);
    const deleted = life.deletedAt === undefined ? {} : { deletionTimestamp: timestamp(life.deletedAt) };
    if (phase === undefined) return pool;
    return { ...pool, metadata: { ...pool.metadata, ...deleted }, status: { ...pool.status, phase } };
  }

  /** Drops the pools whose deletion has run its time; answers the time now. */
  #sweep(): number {
    const now = this.options.clock.now();
    while (this.#deletions.length > 0) {
      const { scope, name } = this.#deletions[0]!;
      const pools = this.#scopes.get(scope);
      const kept = pools?.get(name);
      if (kept && !goneAt(kept.life, now, this.options)) break;
      this.#deletions.shift();
      if (!pools || !kept) continue;
      pools.delete(name);
      if (pools.size === 0) this.#scopes.delete(scope);
      this.#count -= 1;
      this.#bytes -= kept.bytes;
    }
    return now;
  }

  #keep(scope: string, pool: Pool, life: Life): Stored<Kept> {
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
    const kept: Kept = { pool, bytes, life };
    pools.set(pool.metadata.name, kept);
    this.#bytes = after;
    return { value: kept };
  }
}

/** A pool as the state file keeps it. */
export interface KeptPool {
  scope: string;
  pool: Pool;
  life: Life;
}

function isLife(value: unknown): value is Life {
  if (typeof value !== "object" || value === null) return false;
  const { createdAt, outcome, deletedAt } = value as Record<string, unknown>;
  const time = (ms: unknown) => Number.isSafeInteger(ms) && (ms as number) >= 0;
  return time(createdAt) && (outcome === "Running" || outcome === "CreationFailed") && (deletedAt === undefined || time(deletedAt));
}

interface Kept {
  /** The pool as created and patched, without a phase: that comes from `life` and the clock. */
  pool: Pool;
  /** The size of the pool's JSON, which counts towards maxStateBytes. */
  bytes: number;
  life: Life;
}

function notFound(name: string): Refusal {
  return { refused: "not-found", detail: `no pool named ${name}` };
}

/** The live API's timestamps: UTC to the second, `2021-11-01T03:49:41Z`. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}
