// JSON can write a number too large for a double (1e400): JavaScript reads it as Infinity, which no integer field
// takes. The mock refuses it as the bad request it is, naming the field, in both modes, and keeps nothing of it.
import { describe, expect, it } from "vitest";
import { call, exampleOf, poolPath, useMock, validateError } from "./support.js";

const examples = useMock();
const stateful = useMock({ stateful: true });

/** The JSON text of `body` with the number at `marker` written as `literal`, which JSON.stringify cannot write. */
function withNumber(body: unknown, marker: number, literal: string): string {
  const text = JSON.stringify(body);
  if (!text.includes(String(marker))) throw new Error(`the marker ${marker} is not in the body`);
  return text.replace(String(marker), literal);
}

const MARKER = 987_654_321;

function createText(name: string, literal: string): string {
  const body = exampleOf("createDedicatedPool");
  body.metadata.labels["os.modelarts/name"] = name;
  body.spec.resources[0].count = MARKER;
  return withNumber(body, MARKER, literal);
}

describe.each([
  ["examples", examples],
  ["stateful", stateful],
])("%s mode", (_mode, mock) => {
  it.each(["1e400", "-1e400"])("refuses a create whose count is %s with 400 naming the field", async (literal) => {
    const reply = await call(mock(), { body: createText("pool-infinite", literal) });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain("spec.resources[0].count");
    expect(validateError(reply.body)).toEqual({ valid: true });
  });

  it("refuses a merge patch whose AZ count is 1e400 with 400 naming the field", async () => {
    const patch = { spec: { resources: [{ flavor: "modelarts.vm.cpu.8u", count: 1, azs: [{ az: "cn-north-4a", count: MARKER }] }] } };
    const reply = await call(mock(), { method: "PATCH", path: poolPath(exampleOf("scaledPool").metadata.name), body: withNumber(patch, MARKER, "1e400") });
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body.error_code).toBe("ModelArts.50004000");
    expect(reply.body.error_msg).toContain("spec.resources[0].azs[0].count");
  });
});

describe("stateful mode", () => {
  it("keeps nothing of a refused create: the same name is created afterwards", async () => {
    expect((await call(stateful(), { body: createText("pool-after-infinity", "1e400") })).status).toBe(400);
    const reply = await call(stateful(), { body: createText("pool-after-infinity", "2") });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.spec.resources[0].count).toBe(2);
  });
});
