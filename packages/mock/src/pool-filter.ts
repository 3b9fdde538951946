// listPools' query, in stateful mode: which of a project's pools it lists. The parameters' names and the `status`
// values are the spec's, checked at compile time through the types package; what each status means in phases is the
// live API's behaviour, which the spec's words describe and the mock settles here.
import type { OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { operations } from "@modelarts-pools/types";
import type { PoolPhase } from "./pool-lifecycle.js";
import { parameterSchema } from "./pool-rules.js";
import type { Operation } from "./router.js";

type ListQuery = NonNullable<operations["listPools"]["parameters"]["query"]>;
type ListStatus = NonNullable<ListQuery["status"]>;

/** The phases each `status` lists; a pool with no phase yet is `creating`. */
const STATUS_PHASES: Record<ListStatus, readonly (PoolPhase | undefined)[]> = {
  created: ["Running"],
  creating: [undefined, "Creating", "Waiting"],
  failed: ["CreationFailed"],
};

const LABEL_SELECTOR: keyof ListQuery = "labelSelector";
const STATUS: keyof ListQuery = "status";
const WORKSPACE: keyof ListQuery = "workspaceId";

/**
 * The label `workspaceId` selects by: the create request's `os.modelarts/workspace.id` ("Workspace ID"), which a
 * created pool always has (its default, "0", when the request leaves it out).
 */
export const WORKSPACE_LABEL = "os.modelarts/workspace.id";

/** The workspace listed when the query names none: the `workspaceId` parameter's default in the spec ("0"). */
export function workspaceDefault(spec: OpenApiDocument, list: Operation): string | undefined {
  const fallback = parameterSchema(spec, list, "query", WORKSPACE)?.default;
  return typeof fallback === "string" ? fallback : undefined;
}

/** What a pool is judged by: its labels and its phase now. */
export interface Listed {
  labels: Readonly<Record<string, string>>;
  phase: PoolPhase | undefined;
}

export interface FilterRules {
  /** The label that says a pool's workspace (`os.modelarts/workspace.id`). */
  workspaceLabel: string;
  /** The workspace listed when the query names none (workspaceDefault). */
  defaultWorkspace: string | undefined;
}

export type FilterResult = { ok: true; keep: (pool: Listed) => boolean } | { ok: false; problem: string };

export function poolFilter(query: Readonly<Record<string, string>>, rules: FilterRules): FilterResult {
  const selector = parseLabelSelector(query[LABEL_SELECTOR]);
  if (!selector.ok) return selector;
  const status = query[STATUS];
  const phases = status === undefined ? undefined : Object.hasOwn(STATUS_PHASES, status) ? STATUS_PHASES[status as ListStatus] : null;
  if (phases === null) {
    return { ok: false, problem: `${STATUS} must be one of ${Object.keys(STATUS_PHASES).join(", ")}, not ${status}` };
  }
  const workspace = query[WORKSPACE] ?? rules.defaultWorkspace;
  const required = [...selector.pairs, ...(workspace === undefined ? [] : [[rules.workspaceLabel, workspace] as const])];
  return {
    ok: true,
    keep: (pool) => (phases === undefined || phases.includes(pool.phase)) && required.every(([key, value]) => pool.labels[key] === value),
  };
}

type SelectorResult = { ok: true; pairs: (readonly [string, string])[] } | { ok: false; problem: string };

/** `os.modelarts/name=pool-001,team=a` → the pairs a pool's labels must all have; empty or absent: no condition. */
function parseLabelSelector(selector: string | undefined): SelectorResult {
  if (selector === undefined || selector.trim() === "") return { ok: true, pairs: [] };
  const pairs: (readonly [string, string])[] = [];
  for (const item of selector.split(",")) {
    const parts = item.split("=");
    const key = parts[0]!.trim();
    // Only equality: `team!=a` (Kubernetes' "not equal") would otherwise read as the key `team!` and match nothing.
    if (parts.length !== 2 || key === "" || key.endsWith("!")) {
      const problem = `${LABEL_SELECTOR} must be key=value pairs separated by commas, all of which must match (e.g. os.modelarts/name=pool-001); "${item.trim()}" is not one`;
      return { ok: false, problem };
    }
    pairs.push([key, parts[1]!.trim()]);
  }
  return { ok: true, pairs };
}
