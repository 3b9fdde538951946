// Stateful mode: the pools of each project, in memory, created and updated the way the live API does it.
import { randomUUID } from "node:crypto";
import type { CreatePoolRequest, Pool, UpdatePoolRequest } from "@modelarts-pools/types";
import { schemaValidator } from "@modelarts-pools/spec/validator";
import type { Answer, Errors } from "./answer.js";
import { mergePatch } from "./merge-patch.js";
import type { OpenApiDocument } from "./spec.js";

const NAME_LABEL = "os.modelarts/name";
const WORKSPACE_LABEL = "os.modelarts/workspace.id";
const PROJECT_LABEL = "os.modelarts/tenant.project.id";

export class PoolStore {
  /** project_id → metadata.name → pool. */
  readonly #projects = new Map<string, Map<string, Pool>>();
  #count = 0;
  readonly #validatePool;

  constructor(
    spec: OpenApiDocument,
    private readonly errors: Errors,
    /** A bound on memory: a runaway test loop gets a 400, not an out-of-memory mock. */
    private readonly maxPools: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.#validatePool = schemaValidator(spec as never, "Pool");
  }

  createPool(projectId: string, request: CreatePoolRequest): Answer {
    const label = request.metadata.labels[NAME_LABEL];
    for (const pool of this.#projects.get(projectId)?.values() ?? []) {
      if (pool.metadata.labels?.[NAME_LABEL] === label) return this.errors.poolAlreadyExists();
    }
    if (this.#count >= this.maxPools) {
      return this.errors.badRequest(`the mock holds at most ${this.maxPools} pools; restart it to start afresh`);
    }
    const pool: Pool = {
      apiVersion: request.apiVersion,
      kind: request.kind,
      metadata: {
        // The live API names a pool after its label plus 32 hex digits: pool-001-86c13962597848eeb29c5861153a391f.
        name: `${label}-${randomUUID().replaceAll("-", "")}`,
        creationTimestamp: this.now().toISOString().replace(/\.\d+Z$/, "Z"),
        labels: { [WORKSPACE_LABEL]: "0", ...request.metadata.labels, [PROJECT_LABEL]: projectId },
        ...(request.metadata.annotations ? { annotations: { ...request.metadata.annotations } } : {}),
      },
      spec: structuredClone(request.spec ?? {}) as Pool["spec"],
      // A pool the live API has just accepted has no phase yet and no resources in any state.
      status: { resources: {} },
    };
    return this.#store(projectId, pool);
  }

  updatePool(projectId: string, poolName: string, patch: UpdatePoolRequest): Answer {
    const pool = this.#projects.get(projectId)?.get(poolName);
    if (!pool) return this.errors.poolNotFound();
    return this.#store(projectId, mergePatch(pool, patch) as Pool);
  }

  #store(projectId: string, pool: Pool): Answer {
    // Every answer must be a body the spec allows; a pool that is not one is a bug of the mock, refused before it is kept.
    const result = this.#validatePool(pool);
    if (!result.valid) return this.errors.badRequest(result.problems.map((problem) => problem.message).join("; "));
    const pools = this.#pools(projectId);
    if (!pools.has(pool.metadata.name)) this.#count += 1;
    pools.set(pool.metadata.name, pool);
    return { status: 200, body: structuredClone(pool) };
  }

  #pools(projectId: string): Map<string, Pool> {
    let pools = this.#projects.get(projectId);
    if (!pools) this.#projects.set(projectId, (pools = new Map()));
    return pools;
  }
}
