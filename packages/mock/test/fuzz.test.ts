// A seeded fuzz of both modes: thousands of bodies drawn from the request schemas of every operation that takes one,
// valid ones and ones broken on purpose (one rule each, 1e400 included) and text that is not JSON. Each answer must be
// what the spec says: a valid body gets 200 and a body of the operation's success schema, any other gets 400 and a
// ModelArts error body; never a 5xx, never a hang. Whether a body is valid is the shared validator's verdict, so the
// fuzz holds the mock to the spec however the generators draw. FUZZ_SEED=n replays another seed.
import { describe, expect, it } from "vitest";
import { describeApi, type OperationDescription } from "@modelarts-pools/spec/operations";
import { requestBodyValidators, schemaValidator, type BodyValidator } from "@modelarts-pools/spec/validator";
import { draws, malformedJson, negativeCases, seededRandom, validBody, type Random } from "@modelarts-pools/test-support";
import type { Mock } from "../src/index.js";
import { dutiesOf } from "../src/resources.js";
import { routesOf } from "../src/router.js";
import { extraKeyNames, resolve, spec, TOKEN, useMock, validateError } from "./support.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
// A tenth of them in the quick tier (draws).
const VALID_PER_OPERATION = draws(250);
const BROKEN_PER_OPERATION = draws(400);
/** Broken bodies made from one drawn valid body, at most: each breaks a different rule of it. */
const BROKEN_PER_DRAW = 8;
const MALFORMED_PER_OPERATION = draws(50);
/** Requests in flight at once: enough to overlap, few enough for a shared 2-core machine. */
const CONCURRENCY = 8;
/** Only catches a hang: no answer of the mock takes a second. */
const DEADLINE_MS = 30_000;

const api = describeApi(spec);
const validators = requestBodyValidators(spec);

interface Case {
  operation: OperationDescription;
  /** What the case is, to find it again: `createPool valid #12`. */
  label: string;
  text: string;
}

function casesOf(operation: OperationDescription, random: Random): Case[] {
  const schema = { $ref: `#/components/schemas/${operation.requestSchema}` };
  const draw = () => validBody(schema, resolve, random, { extraKeyNames });
  const cases: Case[] = [];
  for (let index = 0; index < VALID_PER_OPERATION; index++) {
    cases.push({ operation, label: `${operation.operationId} valid #${index}`, text: JSON.stringify(draw()) });
  }
  while (cases.length < VALID_PER_OPERATION + BROKEN_PER_OPERATION) {
    const broken = negativeCases(schema, resolve, draw());
    for (let taken = 0; taken < BROKEN_PER_DRAW && broken.length > 0 && cases.length < VALID_PER_OPERATION + BROKEN_PER_OPERATION; taken++) {
      const [picked] = broken.splice(random.int(0, broken.length - 1), 1);
      cases.push({ operation, label: `${operation.operationId} ${picked!.name} #${cases.length}`, text: picked!.text });
    }
  }
  for (let index = 0; index < MALFORMED_PER_OPERATION; index++) {
    cases.push({ operation, label: `${operation.operationId} malformed #${index}`, text: malformedJson(JSON.stringify(draw()), random) });
  }
  return cases;
}

/** The verdict of the shared validator: what the mock must do with the text. */
function isValid(operation: OperationDescription, text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return validators[operation.operationId]![operation.requestMediaTypes[0]!]!(value).valid;
}

const successValidators = new Map<string, BodyValidator>();
function successValidator(operation: OperationDescription): BodyValidator {
  let validate = successValidators.get(operation.operationId);
  if (!validate) {
    const schema = operation.responses["200"]?.schema;
    if (!schema) throw new Error(`${operation.operationId} has no 200 response with a schema to check answers against`);
    successValidators.set(operation.operationId, (validate = schemaValidator(spec, schema)));
  }
  return validate;
}

/** Runs every task, `CONCURRENCY` at a time, in order of start. */
async function inFlight<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** What was wrong with the mock's answer to a case, or undefined when it is what the spec says. */
async function judge(mock: Mock, path: string, item: Case): Promise<string | undefined> {
  const { operation, text, label } = item;
  let status: number;
  let answer: string;
  try {
    const response = await fetch(`${mock.url}${path}`, {
      method: operation.method,
      headers: { "content-type": operation.requestMediaTypes[0]!, "x-auth-token": TOKEN },
      body: text,
      signal: AbortSignal.timeout(DEADLINE_MS),
    });
    status = response.status;
    answer = await response.text();
  } catch (error) {
    return `${label}: no answer (${(error as Error).message}) to ${text.slice(0, 200)}`;
  }
  const valid = isValid(operation, text);
  // A success the spec describes with no body (batchDeletePoolNodes' 200) must come with none.
  if (valid && operation.responses["200"]?.mediaTypes.length === 0) {
    return status === 200 && answer === "" ? undefined : `${label}: valid body answered ${status} ${JSON.stringify(answer.slice(0, 200))}, not 200 with no body`;
  }
  let body: unknown;
  try {
    body = JSON.parse(answer);
  } catch {
    return `${label}: ${status} with a body that is not JSON: ${answer.slice(0, 200)}`;
  }
  const expected = valid ? 200 : 400;
  const schemaCheck = valid ? successValidator(operation)(body) : validateError(body);
  if (status !== expected || !schemaCheck.valid) {
    const problems = schemaCheck.valid ? "" : ` (answer breaks the spec: ${schemaCheck.problems.map((p) => p.message).join("; ")})`;
    return `${label}: ${valid ? "valid" : "invalid"} body answered ${status}${problems}: ${text.slice(0, 200)} → ${answer.slice(0, 300)}`;
  }
  return undefined;
}

const withBodies = Object.values(api.operations).filter((operation) => operation.requestSchema !== undefined);
const fill = (template: string, values: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? "p-1");

describe.each([
  ["examples", false],
  ["stateful", true],
])("fuzz of %s mode", (mode, stateful) => {
  const mock = useMock({ stateful });

  it(`answers ${VALID_PER_OPERATION + BROKEN_PER_OPERATION + MALFORMED_PER_OPERATION} drawn bodies per operation as the spec says`, async () => {
    const random = seededRandom(SEED + (stateful ? 1 : 0));
    // In stateful mode each create goes to a project of its own (no 409 for a name drawn twice), and each update to
    // one of 16 pools created for the fuzz first.
    const create = withBodies.find((operation) => operation.method === "POST")!;
    const scope = (value: string) => Object.fromEntries(create.pathParameters.map(({ name }) => [name, value]));
    const itemParameter = Object.values(api.operations)
      .find((operation) => operation.path.startsWith(`${create.path}/{`))!
      .pathParameters.at(-1)!.name;
    const targets: Record<string, string>[] = [];
    for (let index = 0; stateful && index < 16; index++) {
      const body = validBody({ $ref: `#/components/schemas/${create.requestSchema}` }, resolve, random);
      const response = await fetch(`${mock().url}${fill(create.path, scope(`fuzz-target-${index}`))}`, {
        method: create.method,
        headers: { "content-type": create.requestMediaTypes[0]!, "x-auth-token": TOKEN },
        body: JSON.stringify(body),
      });
      const pool = await response.json();
      expect(response.status, JSON.stringify(pool)).toBe(200);
      targets.push({ ...scope(`fuzz-target-${index}`), [itemParameter]: pool.metadata.name });
    }
    // Stateful mode judges a valid body by the state too (a node the pool lacks is refused): its fuzz is of the
    // operations it keeps by their REST shape alone (create, update), where every valid body succeeds.
    const kept = dutiesOf(routesOf(api));
    const cases = withBodies.filter((operation) => !stateful || kept.has(operation.operationId)).flatMap((operation) => casesOf(operation, random));
    const tasks = cases.map((item, index) => () => {
      const values = !stateful ? {} : item.operation === create ? scope(`fuzz-${index}`) : targets[index % targets.length]!;
      return judge(mock(), fill(item.operation.path, values), item);
    });
    const wrong = (await inFlight(tasks)).filter((problem) => problem !== undefined);
    expect(wrong.slice(0, 10), `${wrong.length} of ${cases.length} answers wrong in ${mode} mode (seed ${SEED})`).toEqual([]);
    const valid = cases.filter((item) => isValid(item.operation, item.text)).length;
    expect(valid, "the fuzz sends both valid and invalid bodies").toBeGreaterThan(cases.length / 4);
    expect(valid).toBeLessThan((cases.length * 3) / 4);
  });
});
