// What each operation does to the stored items, read from the shape of its path and its method, as REST has it: a
// collection path (`/v2/{project_id}/pools`) and an item path below it (`/v2/{project_id}/pools/{pool_name}`).
// POST to the collection creates, GET of it lists; GET of an item shows it, PATCH merge-patches it, DELETE deletes it.
// A new operation of that shape is served statefully with no change here; any other operation is answered from the
// spec's examples.
import type { Operation } from "./router.js";

export type Role = "create" | "list" | "show" | "update" | "delete";

export interface Resource {
  /** The collection's path template, e.g. `/v2/{project_id}/pools`. */
  collection: string;
  /** The collection's path parameters: the scope the items live in, e.g. `["project_id"]`. */
  scope: string[];
  /** The item path's last parameter: the name of an item, e.g. `pool_name`. */
  name: string;
}

export interface Duty {
  role: Role;
  resource: Resource;
  operation: Operation;
}

const ROLES: Record<"collection" | "item", Partial<Record<string, Role>>> = {
  collection: { POST: "create", GET: "list" },
  item: { GET: "show", PATCH: "update", DELETE: "delete" },
};

const ITEM_PATH = /^(.+)\/\{([^}/]+)\}$/;

/** operationId → what it does to which resource, for the operations of REST shape. */
export function dutiesOf(operations: readonly Operation[]): Map<string, Duty> {
  const resources = new Map<string, Resource>();
  for (const { path } of operations) {
    const item = ITEM_PATH.exec(path);
    if (!item || resources.has(item[1]!)) continue;
    const collection = item[1]!;
    const scope = [...collection.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    resources.set(collection, { collection, scope, name: item[2]! });
  }
  const duties = new Map<string, Duty>();
  for (const operation of operations) {
    const asCollection = resources.get(operation.path);
    const asItem = resources.get(ITEM_PATH.exec(operation.path)?.[1] ?? "");
    const resource = asCollection ?? asItem;
    const role = asCollection ? ROLES.collection[operation.method] : asItem ? ROLES.item[operation.method] : undefined;
    if (resource && role) duties.set(operation.operationId, { role, resource, operation });
  }
  return duties;
}
