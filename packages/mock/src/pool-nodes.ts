// Stateful mode: the nodes of each pool, beside the pools themselves (pool-store.ts). A pool's nodes follow its
// `spec.resources`: a flavor asked for with `count: 3` has three nodes of that flavor, named as the live API names
// them (`os-node-created-` and five letters and digits). They are `Creating` while the pool is and `Available` once it
// is `Running`; an updatePool that raises a count adds nodes (`Creating` for the pool's creation time), one that lowers
// it removes the newest. batchDeletePoolNodes removes the named nodes and lowers their flavors' counts in the pool;
// listPoolNodes pages them by `limit` with an opaque `continue`. The nodes are read from the pool each time they are
// asked for, so they never disagree with it.
import { createHash } from "node:crypto";
import type { components, Pool } from "@modelarts-pools/types";
import type { LifecycleTimes } from "./pool-lifecycle.js";

type Node = components["schemas"]["Node"];
type NodeList = components["schemas"]["NodeList"];
type PoolResources = Pool["spec"]["resources"];

export interface KeptNode {
  name: string;
  flavor: string;
  createdAt: number;
}

/** The nodes as the state file keeps them. */
export interface NodesSnapshot {
  pools: Record<string, KeptNode[]>;
  made: number;
}

/** What a refused node operation says: the operation's 400 with this detail. */
export type NodesRefusal = { refused: string };

/** A page a limit of 0 or none asks for: the page's default (the `limit` parameter's). */
const DEFAULT_LIMIT = 500;

/** The node phase a pool's phase gives its nodes (NodeStatus.phase). */
function nodePhase(poolPhase: string | undefined, node: KeptNode, now: number, times: LifecycleTimes): Node["status"]["phase"] {
  if (poolPhase === "Deleting") return "Deleting";
  if (poolPhase === "Running") return now - node.createdAt >= times.creatingMs ? "Available" : "Creating";
  if (poolPhase === undefined || poolPhase === "Creating" || poolPhase === "Waiting") return "Creating";
  return "Abnormal";
}

export class PoolNodes {
  /** pool key (scope and name) → its nodes, oldest first. */
  readonly #pools = new Map<string, KeptNode[]>();
  #made = 0;

  constructor(private readonly times: LifecycleTimes) {}

  /** The pool's nodes, made to follow its `spec.resources` first (new ones dated `now`). */
  #nodesOf(key: string, pool: Pool, now: number): KeptNode[] {
    const first = !this.#pools.has(key);
    const kept = this.#pools.get(key) ?? [];
    // The nodes a pool was created with date from its creation; the ones a scale-out adds, from when it is seen.
    const since = first ? Date.parse(pool.metadata.creationTimestamp ?? "") || now : now;
    const wanted = new Map<string, number>();
    for (const { flavor, count } of pool.spec.resources ?? []) if (flavor && count) wanted.set(flavor, (wanted.get(flavor) ?? 0) + count);
    const nodes: KeptNode[] = [];
    for (const [flavor, count] of wanted) {
      const ofFlavor = kept.filter((node) => node.flavor === flavor).slice(0, count);
      while (ofFlavor.length < count) ofFlavor.push({ name: this.#newName(key), flavor, createdAt: since });
      nodes.push(...ofFlavor);
    }
    nodes.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
    this.#pools.set(key, nodes);
    return nodes;
  }

  /** `os-node-created-` and five of [a-z0-9], unique in the pool; the same for the same pool and count, run to run. */
  #newName(key: string): string {
    const taken = new Set((this.#pools.get(key) ?? []).map((node) => node.name));
    for (;;) {
      const digest = createHash("sha256").update(`${key}/${this.#made++}`).digest();
      const name = `os-node-created-${[...digest.subarray(0, 5)].map((byte) => "abcdefghijklmnopqrstuvwxyz0123456789"[byte % 36]).join("")}`;
      if (!taken.has(name)) return name;
    }
  }

  /** One page of the pool's nodes, from `continue` (a token of an earlier page of this list), `limit` at most. */
  page(key: string, pool: Pool, now: number, query: Readonly<Record<string, string>>): { value: NodeList } | NodesRefusal {
    const nodes = this.#nodesOf(key, pool, now);
    const start = query.continue ? startOf(query.continue) : 0;
    if (start === undefined || start > nodes.length) return { refused: `continue ${JSON.stringify(query.continue)} is not one this list gave: start from the first page` };
    const limit = Number(query.limit ?? 0) || DEFAULT_LIMIT;
    const end = Math.min(nodes.length, start + limit);
    const items = nodes.slice(start, end).map((node) => this.#view(node, pool, now));
    const more = end < nodes.length;
    const metadata = more ? { continue: tokenOf(end), remainingItemCount: nodes.length - end } : { continue: "" };
    return { value: { apiVersion: "v2", kind: "NodeList", metadata, items } };
  }

  /**
   * Removes the named nodes: every one must be a node of the pool, and one node at least must stay. Answers the
   * pool's resources with each removed node's flavor counted down (a flavor with no node left is dropped), which the
   * caller keeps in the pool.
   */
  delete(key: string, pool: Pool, now: number, names: readonly string[]): { value: NonNullable<PoolResources> } | NodesRefusal {
    const nodes = this.#nodesOf(key, pool, now);
    const unknown = names.filter((name) => !nodes.some((node) => node.name === name));
    if (unknown.length > 0) return { refused: `the pool has no node ${unknown.join(", ")}` };
    const staying = nodes.filter((node) => !names.includes(node.name));
    if (staying.length === 0) return { refused: `a pool keeps one node at least: deleting ${names.length} of its ${nodes.length} would leave none` };
    this.#pools.set(key, staying);
    const resources = (pool.spec.resources ?? []).flatMap((resource) => {
      const count = staying.filter((node) => node.flavor === resource.flavor).length;
      return count === 0 ? [] : [{ ...resource, count }];
    });
    return { value: resources };
  }

  /** Every pool's nodes, as the state file keeps them, and how many names were made (so new names stay new). */
  snapshot(): NodesSnapshot {
    return { pools: Object.fromEntries([...this.#pools].map(([key, nodes]) => [key, nodes.map((node) => ({ ...node }))])), made: this.#made };
  }

  /** Forgets every node, then keeps these (a state file's, checked). Throws an Error naming the problem. */
  restore(snapshot: NodesSnapshot): void {
    this.#pools.clear();
    this.#made = 0;
    if (typeof snapshot !== "object" || snapshot === null || typeof snapshot.pools !== "object" || snapshot.pools === null || !Number.isSafeInteger(snapshot.made)) {
      throw new Error("nodes must be { pools: { [pool]: [...] }, made: <count> }");
    }
    for (const [key, nodes] of Object.entries(snapshot.pools)) {
      const valid = Array.isArray(nodes) && nodes.every((node) => typeof node?.name === "string" && typeof node.flavor === "string" && Number.isSafeInteger(node.createdAt));
      if (!valid) throw new Error(`nodes.pools[${JSON.stringify(key)}] must be a list of { name, flavor, createdAt }`);
      this.#pools.set(key, nodes.map(({ name, flavor, createdAt }) => ({ name, flavor, createdAt })));
    }
    this.#made = snapshot.made;
  }

  /** Forgets a pool that is gone. */
  forget(key: string): void {
    this.#pools.delete(key);
  }

  #view(node: KeptNode, pool: Pool, now: number): Node {
    return {
      apiVersion: "v2",
      kind: "Node",
      metadata: { name: node.name, creationTimestamp: new Date(node.createdAt).toISOString().replace(/\.\d+Z$/, "Z") },
      spec: { flavor: node.flavor },
      status: { phase: nodePhase(pool.status.phase, node, now, this.times) },
    };
  }
}

/** The opaque `continue` of a page that starts at `index`. */
function tokenOf(index: number): string {
  return Buffer.from(JSON.stringify({ start: index })).toString("base64url");
}

function startOf(token: string): number | undefined {
  try {
    const { start } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { start?: unknown };
    return Number.isSafeInteger(start) && (start as number) >= 0 ? (start as number) : undefined;
  } catch {
    return undefined;
  }
}
