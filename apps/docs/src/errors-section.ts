// The overview's Errors section, from the spec: each ModelArts error code its responses declare (in their examples),
// the statuses it comes with, what it means (the example's summary and message), and which operations answer it;
// then how @modelarts-pools/client surfaces a failed call. The codes are never written here: a code the spec adds is
// in the table at the next build.
import { isObject, namedExample, type OpenApiDocument } from "@modelarts-pools/spec/openapi";
import type { DocumentedOperation } from "./openapi.js";

export const errorsHeading = "Errors";

export interface DeclaredError {
  code: string;
  /** The HTTP statuses it is declared with, ascending. */
  statuses: number[];
  /** The example's summary, or its error_msg. */
  meaning: string;
  /** The operationIds whose responses declare it, in the spec's order. */
  operations: string[];
}

/** Every error code the operations' responses declare, by code. */
export function declaredErrors(document: OpenApiDocument, operations: readonly DocumentedOperation[]): DeclaredError[] {
  const examples = isObject(document.components) && isObject(document.components.examples) ? document.components.examples : {};
  const found = new Map<string, DeclaredError>();
  for (const { api } of operations) {
    for (const [status, response] of Object.entries(api.responses)) {
      for (const name of response.examples) {
        const value = namedExample<unknown>(document, name);
        if (!isObject(value) || typeof value.error_code !== "string") continue;
        const holder = examples[name];
        const meaning = isObject(holder) && typeof holder.summary === "string" ? holder.summary : String(value.error_msg ?? "");
        const entry = found.get(value.error_code) ?? { code: value.error_code, statuses: [], meaning, operations: [] };
        if (!entry.statuses.includes(Number(status))) entry.statuses.push(Number(status));
        if (!entry.operations.includes(api.operationId)) entry.operations.push(api.operationId);
        found.set(value.error_code, entry);
      }
    }
  }
  return [...found.values()].map((entry) => ({ ...entry, statuses: entry.statuses.sort((a, b) => a - b) })).sort((a, b) => a.code.localeCompare(b.code));
}

/** The client's error classes, as the section names them; the docs tests hold the list to the client's exports. */
export const clientErrors: readonly { name: string; when: string }[] = [
  { name: "ModelArtsApiError", when: "the API answered with a status other than 2xx (or a 2xx whose body is not JSON): its `status`, `code` (the `error_code` above), `errorMessage` (`error_msg`), `body`, `requestId` and `retryAfterMs`" },
  { name: "ModelArtsNetworkError", when: "no answer came: the name did not resolve, the connection was refused or reset, TLS or CORS failed; its `cause` says which" },
  { name: "ModelArtsTimeoutError", when: "the answer did not come within the call's `timeoutMs`, or `waitForPool` ran out of time before the pool got where it was awaited" },
  { name: "ModelArtsPoolFailedError", when: "`waitForPool` found the pool in a phase it cannot leave by itself (`CreationFailed`, `ScalingFailed`, `Error`); its `pool` is the pool as last answered" },
];

export function errorsSection(document: OpenApiDocument, operations: readonly DocumentedOperation[]): string {
  const rows = declaredErrors(document, operations).map(
    ({ code, statuses, meaning, operations: by }) => `| \`${code}\` | ${statuses.join(", ")} | ${meaning} | ${by.map((id) => `\`${id}\``).join(", ")} |`,
  );
  const classes = clientErrors.map(({ name, when }) => `- \`${name}\`: ${when}.`);
  return `
## ${errorsHeading}

A failed call answers with a ModelArts error body, \`{ "error_code": "ModelArts.…", "error_msg": "…" }\`. The error
codes this reference declares, with the statuses they come with and the operations that answer them:

| error_code | status | what it means | answered by |
| --- | --- | --- | --- |
${rows.join("\n")}

With \`@modelarts-pools/client\`, every failed call rejects with a \`ModelArtsCallError\`, one of:

${classes.join("\n")}
`;
}
