// The life of a pool as one TypeScript sample, shown in the page's overview: create a pool, wait until it is Running,
// scale it out, delete it, wait until it is gone. The bodies are the spec's own request examples (the create example,
// the scale-out example), the calls are the client's; the docs tests compile it against the client and run it against
// the stateful mock.
import { type SampleContext, clientCall, clientSetup, tokenVariable } from "./code-samples.js";
import { mockUrl } from "./defaults.js";
import { type DocumentedOperation, type RequestExample, findOperation } from "./openapi.js";

export const lifecycleHeading = "The life of a pool";

/** How often `waitForPool` asks for the pool, and for how long at most. */
export interface Polling {
  intervalMs: number;
  timeoutMs: number;
}

/**
 * What the sample polls with: short, so that against the local mock it ends in seconds whichever mode it answers in
 * (the stateful mock lives a pool's life in about five seconds; the examples mock never deletes one, so the last wait
 * ends with its time-out).
 */
export const samplePolling: Polling = { intervalMs: 500, timeoutMs: 10_000 };

/** What the page tells for the live API, where a pool takes minutes: Terraform's practice. */
export const livePolling: Polling = { intervalMs: 15_000, timeoutMs: 90 * 60_000 };

/** `15_000`, as a person would write it. */
function numberLiteral(value: number): string {
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`polling times must be positive whole milliseconds, got ${value}`);
  return String(value).replace(/\B(?=(\d{3})+$)/g, "_");
}

/** The sample's one line that sets the polling: the tests swap it for one with short times, as they swap the endpoint. */
export function pollingLine({ intervalMs, timeoutMs }: Polling): string {
  return `const polling = { intervalMs: ${numberLiteral(intervalMs)}, timeoutMs: ${numberLiteral(timeoutMs)} };\n`;
}

/** The steps' operations, by the spec's operationIds: the lifecycle is a sequence of them. */
const steps = { create: "createPool", scale: "updatePool", remove: "deletePool" } as const;

function firstRequestExample(entry: DocumentedOperation): RequestExample {
  const [example] = entry.requestExamples;
  if (!example) throw new Error(`${entry.api.operationId}: the lifecycle sample needs a named request example`);
  return example;
}

export function lifecycleSample(context: SampleContext, operations: readonly DocumentedOperation[]): string {
  const create = findOperation(operations, steps.create);
  const scale = findOperation(operations, steps.scale);
  const remove = findOperation(operations, steps.remove);
  const created = firstRequestExample(create);
  const scaledOut = firstRequestExample(scale);
  const minutes = livePolling.timeoutMs / 60_000;
  const live = `{ intervalMs: ${numberLiteral(livePolling.intervalMs)}, timeoutMs: ${numberLiteral(livePolling.timeoutMs)} }`;
  return [
    clientSetup(context, create, "The life of a pool: create it, wait until it runs, scale it out, delete it, wait until it is gone"),
    `\n`,
    `// The local mock lives a pool's life in seconds. Against the live API a pool takes minutes to create or delete:\n`,
    `// ask every ${livePolling.intervalMs / 1000} s, for ${minutes} minutes at most: ${live}.\n`,
    pollingLine(samplePolling),
    `\n`,
    `// ${created.summary ?? created.name}\n`,
    `const created = await ${clientCall(context, create, created.value, [])};\n`,
    `const poolName = created.metadata.name;\n`,
    "console.log(`created ${poolName}`);\n",
    `\n`,
    `// A new pool has no phase yet, then it is Creating; waitForPool rejects at once if it fails.\n`,
    `const running = await pools.waitForPool(poolName, { until: "Running", ...polling });\n`,
    "console.log(`${poolName} is ${running.status.phase}`);\n",
    `\n`,
    `// ${scaledOut.summary ?? scaledOut.name}\n`,
    `const scaled = await ${clientCall(context, scale, scaledOut.value, ["poolName"])};\n`,
    "for (const { flavor, count } of scaled.spec.resources ?? []) console.log(`${poolName} asks for ${count} × ${flavor}`);\n",
    `\n`,
    `// The pool is Deleting, then gone: waitForPool "deleted" resolves once it answers 404.\n`,
    `await ${clientCall(context, remove, undefined, ["poolName"])};\n`,
    `await pools.waitForPool(poolName, { until: "deleted", ...polling });\n`,
    "console.log(`${poolName} is deleted`);\n",
  ].join("");
}

/** The overview's section: what the sample does, how to run it against the mock, and the sample itself. */
export function lifecycleSection(context: SampleContext, operations: readonly DocumentedOperation[]): string {
  return `
## ${lifecycleHeading}

Everything a pool goes through, with \`@modelarts-pools/client\`: create it, wait until it is \`Running\`, scale it
out, delete it and wait until it is gone. \`waitForPool\` asks for the pool every \`intervalMs\` until it reaches the
phase (or, with \`"deleted"\`, until it answers 404), and rejects at once on a failure phase or after \`timeoutMs\`.

It needs the **stateful** mock, which keeps the pools you create and moves them through their phases: start it with
\`npm start -- --stateful\` at the repo root (or \`npx modelarts-pools-mock --stateful\`), set \`endpoint\` to
${mockUrl} and \`${tokenVariable}\` to any value. It ends in seconds: the mock that \`npm start\` serves by default
answers the spec's examples and never deletes a pool, so there the last wait ends with \`ModelArtsTimeoutError\`
after \`timeoutMs\`.

\`\`\`ts
${lifecycleSample(context, operations)}\`\`\`
`;
}
