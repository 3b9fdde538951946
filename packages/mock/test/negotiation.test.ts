// Content negotiation by one rule in every mode: an Accept that admits one of the media types the operation answers
// with is served; one that admits none, or is not a list of media ranges, is the ModelArts 400 naming it — never a
// 500, never a 200 of a type the client refused.
import { describe, expect, it } from "vitest";
import { acceptProblem, parseAccept } from "../src/negotiation.js";
import { call, createRequest, exampleOf, spec, useMock } from "./support.js";
import { describeApi } from "@modelarts-pools/spec/operations";

const createPool = describeApi(spec).operations["createPool"]!;

describe("acceptProblem", () => {
  it.each(["application/json", "*/*", "application/*", "*/*;q=0.1", "text/html, application/json;q=0.5", "*/*;q=0, application/json", "APPLICATION/JSON", ""])("admits %j", (accept) => {
    expect(acceptProblem(createPool, accept)).toBeUndefined();
  });

  it.each([
    ["text/html", "admits none of the media types createPool answers with (application/json)"],
    ["*/*;q=0", "admits none of the media types"],
    ["application/json;q=0, text/*", "admits none of the media types"],
    ["foo", 'Accept must be a list of media ranges (type/subtype[;q=…]), and "foo" is not one'],
    ["*/json", 'and "*/json" is not one'],
    ["application/json;q=2", 'Accept: q must be a number from 0 to 1 with at most three decimals, not "2"'],
  ])("refuses %j", (accept, message) => {
    expect(acceptProblem(createPool, accept)).toContain(message);
  });

  it("reads each range's weight", () => {
    expect(parseAccept("text/html;level=1;q=0.5, */*")).toEqual({
      ok: true,
      ranges: [
        { type: "text", subtype: "html", weight: 0.5 },
        { type: "*", subtype: "*", weight: 1 },
      ],
    });
  });
});

describe.each([
  ["examples", {}],
  ["dynamic", { dynamic: true }],
  ["stateful", { stateful: true }],
])("Accept in %s mode", (_mode, options) => {
  const mock = useMock(options);
  let names = 0;
  const create = (accept: string) => call(mock(), { body: createRequest(`pool-accept-${names++}`), headers: { accept } });

  it.each(["foo", "*/*;q=0", "text/html", "application/xml"])("answers Accept: %s with the 400 that names it, as JSON", async (accept) => {
    const reply = await create(accept);
    expect(reply.status).toBe(400);
    expect(reply.headers.get("content-type")).toBe("application/json");
    expect(reply.body.error_code).toBe(exampleOf("badRequest").error_code);
    expect(reply.body.error_msg).toContain("Accept");
  });

  it.each(["application/json", "*/*", "application/*;q=0.9"])("serves Accept: %s", async (accept) => {
    expect((await create(accept)).status).toBe(200);
  });
});
