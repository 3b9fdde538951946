// The generators against a schema of their own, judged by Ajv (JSON Schema 2020-12, as the spec's validator runs it).
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { malformedJson, negativeCases, seededRandom, stringMatching, validBody, type Schema } from "../src/index.js";

const components: Record<string, Schema> = {
  Name: { type: "string", pattern: "^[a-z][-a-z0-9]{2,62}[a-z0-9]$" },
  Thing: {
    type: "object",
    additionalProperties: false,
    required: ["name", "count", "labels"],
    properties: {
      name: { $ref: "#/components/Name" },
      count: { type: "integer", minimum: 1, maximum: 2000 },
      ratio: { type: "number", exclusiveMinimum: 0, maximum: 1 },
      kind: { type: "string", enum: ["a", "b"] },
      note: { type: "string", pattern: "^[^!<>=&\"']{0,100}$" },
      tags: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", enum: ["x", "y", "z"] } },
      labels: { type: "object", required: ["team"], properties: { team: { type: "string", minLength: 2, maxLength: 8 } }, additionalProperties: { type: "string" } },
      on: { type: "boolean" },
      annotations: { $ref: "#/components/Annotations" },
    },
  },
  // Annotations a patch may set: any string, but where the pool's own annotations restrict a key, that restriction too.
  Annotations: {
    type: "object",
    required: ["note", "mode"],
    properties: { note: { type: "string", pattern: "^[a-z]*$" } },
    additionalProperties: { type: "string" },
    allOf: [{ $ref: "#/components/PoolAnnotations" }],
  },
  PoolAnnotations: {
    type: "object",
    properties: { note: { type: "string", pattern: "^.{0,5}$" }, mode: { type: "string", enum: ["0", "1"] } },
    additionalProperties: { type: "string", maxLength: 6 },
  },
};
const document = { components };
const resolve = (node: unknown): Schema => {
  let schema = node as Schema;
  while (typeof schema.$ref === "string") {
    const { $ref, ...siblings } = schema;
    schema = { ...components[$ref.split("/").pop()!]!, ...siblings };
  }
  return schema;
};
const ajv = new Ajv2020({ strict: false, strictNumbers: true, allErrors: true });
ajv.addSchema(document, "doc");
const validate = ajv.getSchema("doc#/components/Thing")!;
const thing = { $ref: "#/components/Thing" };

describe("seededRandom", () => {
  it("draws the same numbers from the same seed, and others from another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const value of draw(9)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe("stringMatching", () => {
  it.each(["^[a-z][-a-z0-9]{2,62}[a-z0-9]$", "^ModelArts\\.\\d+$", "^[^!<>=&\"']{0,100}$", "^a?b*c+\\w{2,}.$"])("draws strings that match %s", (pattern) => {
    const random = seededRandom(1);
    for (let index = 0; index < 200; index++) expect(stringMatching(pattern, random)).toMatch(new RegExp(pattern, "u"));
  });

  it("keeps to a length the schema sets beside the pattern", () => {
    const random = seededRandom(2);
    for (let index = 0; index < 100; index++) expect(stringMatching("^[a-z]{1,50}$", random, { min: 10, max: 12 }).length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ["^(a|b)$", "uses ("],
    ["^a|b$", "uses |"],
    ["abc", "is not anchored"],
    ["^\\p{L}$", "uses \\p"],
  ])("refuses %s, saying why", (pattern, why) => {
    expect(() => stringMatching(pattern, seededRandom(3))).toThrow(why);
  });
});

describe("validBody", () => {
  it("draws hundreds of bodies, every one valid, varied, the same for the same seed", () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 300 }, () => validBody(thing, resolve, random));
    };
    const bodies = draw(4);
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBeGreaterThan(290);
    expect(bodies.some((body: any) => body.count === 1) && bodies.some((body: any) => body.count === 2000)).toBe(true);
    expect(bodies.some((body: any) => Object.keys(body.labels).length > 1)).toBe(true);
    expect(draw(4)).toEqual(bodies);
  });

  it("draws extra keys from the names it is given, besides made-up ones", () => {
    const random = seededRandom(9);
    const keys = new Set<string>();
    for (let index = 0; index < 200; index++) {
      const body = validBody(thing, resolve, random, { extraKeyNames: ["os.modelarts/billing.mode", "team"] }) as any;
      expect(validate(body)).toBe(true);
      for (const key of Object.keys(body.labels)) keys.add(key);
    }
    expect(keys).toContain("os.modelarts/billing.mode");
    expect([...keys].some((key) => key.startsWith("example.com/"))).toBe(true);
  });

  it("meets every member of an allOf: both patterns, the enum of a key only one member lists, the bounds of both", () => {
    const random = seededRandom(10);
    const annotations = { $ref: "#/components/Annotations" };
    const validateAnnotations = ajv.getSchema("doc#/components/Annotations")!;
    for (let index = 0; index < 300; index++) {
      const body = validBody(annotations, resolve, random, { extraKeyNames: ["mode", "other"] }) as Record<string, string>;
      expect(validateAnnotations(body), JSON.stringify(body)).toBe(true);
      expect(["0", "1"]).toContain(body.mode);
    }
    const cases = negativeCases(annotations, resolve, validBody(annotations, resolve, random));
    expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(["break the enum of /mode", "break the pattern of /note", "lengthen past maxLength 6: /example.com/extra"]));
    for (const c of cases) expect(validateAnnotations(JSON.parse(c.text)), c.name).toBe(false);
  });

  it("refuses a schema rule it does not know, naming it and where", () => {
    expect(() => validBody({ type: "object", required: ["a"], properties: { a: { oneOf: [{ type: "string" }] } } }, resolve, seededRandom(5))).toThrow(
      "the schema at /a uses oneOf",
    );
  });
});

describe("negativeCases", () => {
  const start = validBody(thing, resolve, seededRandom(6));
  const cases = negativeCases(thing, resolve, start);

  it("breaks every kind of rule the schema has", () => {
    const kinds = new Set(cases.map((c) => c.name.split(" /")[0]!.replace(/ \d+:$/, "")));
    for (const kind of ["break the type of", "break the enum of", "drop", "add an unknown field to", "break the pattern of", "go below minimum", "go past maximum", "give a fraction to", "write 1e400 (Infinity) into", "cut below minItems", "shorten below minLength", "lengthen past maxLength"]) {
      expect(kinds).toContain(kind);
    }
  });

  it("makes only bodies the schema refuses, each from a valid one", () => {
    for (const c of cases) {
      expect(validate(c.valid), c.name).toBe(true);
      expect(validate(JSON.parse(c.text)), c.name).toBe(false);
    }
  });
});

describe("malformedJson", () => {
  it("makes text that does not parse as JSON", () => {
    const random = seededRandom(7);
    const text = JSON.stringify(start());
    for (let index = 0; index < 200; index++) expect(() => JSON.parse(malformedJson(text, random))).toThrow();
  });
});

function start() {
  return validBody(thing, resolve, seededRandom(8));
}
