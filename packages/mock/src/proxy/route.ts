// Which operation of the spec a request is, from its method and path, as describeApi describes the operations.
import type { OperationDescription } from "@modelarts-pools/spec/operations";

export type FindOperation = (method: string, path: string) => OperationDescription | undefined;

export function operationFinder(operations: Record<string, OperationDescription>): FindOperation {
  const routes = Object.values(operations).map((operation) => ({ operation, pattern: templatePattern(operation.path) }));
  // A literal segment is more specific than a parameter: `/pools/count` before `/pools/{pool_name}`, were both there.
  routes.sort((a, b) => parameterCount(a.operation.path) - parameterCount(b.operation.path));
  return (method, path) => routes.find(({ operation, pattern }) => operation.method === method && pattern.test(path))?.operation;
}

/** `/v2/{project_id}/pools` → `^/v2/[^/]+/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

function parameterCount(template: string): number {
  return template.split("{").length - 1;
}
