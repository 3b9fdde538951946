// Requests and the Pool agree on labels and annotations: a value a request may set for a key is a value the pool
// answered afterwards may hold. Otherwise a valid create or merge patch yields a pool that breaks the spec's own Pool
// schema (issue 12: `os.modelarts/billing.mode: "7"` passed the update schema, and Pool allows only "0" and "1").
import { describe, expect, it } from "vitest";
import { seededRandom } from "@modelarts-pools/test-support";
import { namedExample, operationsOf } from "../src/openapi.js";
import { requestBodyValidators, schemaValidator, toPointer } from "../src/validator.js";
import { resolve, spec, type Schema } from "./spec.js";

const maps = ["labels", "annotations"] as const;

/** The JSON pointer of the schema reached from `pointer` through `properties`, following $refs on the way. */
function pointerAt(pointer: string, properties: readonly string[]): string | undefined {
  let at = pointer;
  for (const name of properties) {
    const property = resolve({ $ref: `#${at}` }).properties?.[name];
    if (property === undefined) return undefined;
    at = typeof property.$ref === "string" ? property.$ref.slice(1) : `${at}${toPointer(["properties", name])}`;
  }
  return at;
}

/**
 * Every request body of the spec that has metadata.labels or metadata.annotations, by operation, media type and map,
 * with the operation's first named example to set a key in (a key is judged in a body, beside the keys it requires).
 */
const requestMaps = operationsOf(spec).flatMap(({ operationId, requestBody }) =>
  Object.entries<Schema>((requestBody?.content ?? {}) as Schema).flatMap(([mediaType, media]) =>
    maps.flatMap((map) => {
      const pointer = media.schema?.$ref ? pointerAt(media.schema.$ref.slice(1), ["metadata", map]) : undefined;
      const example = resolve(Object.values<Schema>(media.examples ?? {})[0] ?? {}).value;
      return pointer ? [{ operationId: operationId!, mediaType, map, pointer, example }] : [];
    }),
  ),
);

/** A copy of a body with `metadata[map][key]` set to a value. */
function withEntry(body: Schema, map: string, key: string, value: unknown): Schema {
  const copy = structuredClone(body ?? {});
  copy.metadata ??= {};
  copy.metadata[map] = { ...copy.metadata[map], [key]: value };
  return copy;
}

const poolMap = (map: (typeof maps)[number]) => pointerAt("/components/schemas/Pool", ["metadata", map])!;

/** The keys a map schema documents, its own and those of the schemas it combines with allOf. */
function documentedKeys(pointer: string): Map<string, Schema[]> {
  const keys = new Map<string, Schema[]>();
  const visit = (node: Schema) => {
    const schema = resolve(node);
    for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) keys.set(key, [...(keys.get(key) ?? []), resolve(property)]);
    for (const part of schema.allOf ?? []) visit(part);
  };
  visit({ $ref: `#${pointer}` });
  return keys;
}

/** Strings of any length up to 120: from characters that names are made of, and from ones that rules forbid. */
const alphabets = ["abcdefghijklmnopqrstuvwxyz0123456789-", "abcz0123456789-_./:= !<>&\"'{}ä"];
function generatedStrings(seed: number, count: number): string[] {
  const { next } = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const alphabet = alphabets[index % alphabets.length]!;
    const length = Math.floor(next() ** 2 * 120);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join("");
  });
}

/** The values the spec's own examples give a key, wherever a metadata map holds it. */
function exampleValues(key: string): unknown[] {
  return Object.values<Schema>(spec.components.examples).flatMap(({ value }) =>
    maps.flatMap((map) => (value?.metadata?.[map] && key in value.metadata[map] ? [value.metadata[map][key]] : [])),
  );
}

/** Values worth trying for a key: every value any schema of the spec names for it, neighbours of those, and noise. */
function candidates(key: string, schemas: Schema[]): string[] {
  const named = [...exampleValues(key), ...schemas.flatMap((schema) => [...(schema.enum ?? []), ...(schema.default === undefined ? [] : [schema.default])])];
  const digits = Array.from({ length: 10 }, (_, digit) => String(digit));
  return [...new Set([...named, ...digits, "", "7", "yes", ...generatedStrings(key.length * 7919, 400)])].filter((v) => typeof v === "string");
}

describe("labels and annotations: what a request may set, the Pool may hold", () => {
  it("finds the request maps to compare (create: labels and annotations; update: annotations)", () => {
    expect(requestMaps.map(({ operationId, map }) => `${operationId} ${map}`).sort()).toEqual(
      ["createPool annotations", "createPool labels", "updatePool annotations"].sort(),
    );
  });

  const validators = requestBodyValidators(spec as never);
  const validatePool = schemaValidator(spec as never, "Pool");
  const pool = namedExample<Schema>(spec, "scaledPool");

  for (const { operationId, mediaType, map, pointer, example } of requestMaps) {
    const requestKeys = documentedKeys(pointer);
    const poolKeys = documentedKeys(poolMap(map));
    const keys = [...new Set([...requestKeys.keys(), ...poolKeys.keys()])].sort();
    const validateRequest = validators[operationId]![mediaType]!;

    describe(`${operationId} metadata.${map}`, () => {
      for (const key of keys) {
        it(`${key}: every value the request accepts, the Pool accepts`, () => {
          const values = candidates(key, [...(requestKeys.get(key) ?? []), ...(poolKeys.get(key) ?? [])]);
          const accepted = values.filter((value) => validateRequest(withEntry(example, map, key, value)).valid);
          const refusedByPool = accepted.filter((value) => !validatePool(withEntry(pool, map, key, value)).valid);
          expect(refusedByPool, `values ${operationId} may set but a Pool may not hold`).toEqual([]);
          expect(accepted.length, "the request accepts some value for the key").toBeGreaterThan(0);
        });
      }
    });
  }
});

describe("the update page's annotations and the Pool's", () => {
  const validateUpdate = requestBodyValidators(spec as never).updatePool!["application/merge-patch+json"]!;
  const patch = (annotations: Record<string, unknown>) => ({ metadata: { annotations } });

  it("refuse a billing mode the pages do not list, naming the annotation and the values", () => {
    expect(validateUpdate(patch({ "os.modelarts/billing.mode": "7" }))).toEqual({
      valid: false,
      problems: [
        {
          field: 'metadata.annotations["os.modelarts/billing.mode"]',
          pointer: "/metadata/annotations/os.modelarts~1billing.mode",
          rule: "enum",
          message: 'metadata.annotations["os.modelarts/billing.mode"] must be one of "0", "1"',
        },
      ],
    });
  });

  it("accept the values the Pool may hold, and keys no page lists", () => {
    for (const annotations of [{ "os.modelarts/billing.mode": "1" }, { "os.modelarts/period.type": "4" }, { "os.modelarts/auto.pay": "1" }]) {
      expect(validateUpdate(patch(annotations)), JSON.stringify(annotations)).toEqual({ valid: true });
    }
  });

  it("keep the update page's own rule for the description", () => {
    expect(validateUpdate(patch({ "os.modelarts/description": "a<b" }))).toMatchObject({ valid: false });
  });
});

/** RFC 7396: what the server does with a merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = target && typeof target === "object" && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

describe("generated merge patches of annotations", () => {
  const validateUpdate = requestBodyValidators(spec as never).updatePool!["application/merge-patch+json"]!;
  const validatePool = schemaValidator(spec as never, "Pool");
  const poolKeys = documentedKeys(poolMap("annotations"));
  const valuesOf = new Map([...poolKeys.keys(), "os.modelarts/auto.pay"].map((key) => [key, candidates(key, poolKeys.get(key) ?? [])]));
  const keys = [...valuesOf.keys()];

  it("that the update schema accepts always leave a pool the Pool schema accepts", () => {
    const { next } = seededRandom(12);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const annotations = Object.fromEntries(
        Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
          const key = pick(keys);
          return [key, pick(valuesOf.get(key)!)];
        }),
      );
      const body = { metadata: { annotations } };
      if (!validateUpdate(body).valid) continue;
      accepted++;
      const pool = mergePatch(namedExample(spec, "scaledPool"), body);
      expect(validatePool(pool), JSON.stringify(body)).toEqual({ valid: true });
    }
    expect(accepted).toBeGreaterThan(200);
  });
});
