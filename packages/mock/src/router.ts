// The router: which operation of the spec a request's method and path are, and its path parameters. The mock's every
// mode routes alike (the proxy too, to judge what it forwards). Nothing here restates the API: the operations are the
// spec package's one description of them (describeApi), each with the pattern its path template makes.
import type { ApiDescription, OperationDescription } from "@modelarts-pools/spec/operations";

/** One operation of the spec, as the mock routes and answers it. */
export interface Operation extends OperationDescription {
  /** Matches a request path; its groups are the path parameters, in the order of `pathParameters`. */
  pattern: RegExp;
}

/** The operations in the order requests are matched: a literal segment before a parameter (`/pools/count` before `/pools/{pool_name}`, were both there). */
export function routesOf(api: ApiDescription): Operation[] {
  const operations = Object.values(api.operations).map((operation) => ({ ...operation, pattern: templatePattern(operation.path) }));
  return operations.sort((a, b) => a.pathParameters.length - b.pathParameters.length);
}

export interface Route {
  operation: Operation;
  /** The path parameters, percent-decoded; undefined when one is not valid percent-encoding. */
  params: Record<string, string> | undefined;
}

/** The operation a request's method (upper-case) and path are, and its path parameters. */
export function findRoute(operations: readonly Operation[], method: string, path: string): Route | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(path);
    if (!match) continue;
    try {
      const params = Object.fromEntries(operation.pathParameters.map(({ name }, index) => [name, decodeURIComponent(match[index + 1]!)]));
      return { operation, params };
    } catch {
      return { operation, params: undefined };
    }
  }
  return undefined;
}

/** `/v2/{project_id}/pools` → `^/v2/([^/]+)/pools$`: one segment per parameter, never a slash. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "([^/]+)" : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}
