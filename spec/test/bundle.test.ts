// The bundle every other package consumes: one file, no external refs, and the JSON and YAML say the same.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { spec } from "./spec.js";

describe("spec/dist", () => {
  it("is OpenAPI 3.1 with every operation that the path files of the sources define, and no other", () => {
    expect(spec.openapi).toMatch(/^3\.1\./);
    const operations = Object.values<Record<string, { operationId?: string }>>(spec.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    const sources = fileURLToPath(new URL("../paths/", import.meta.url));
    const written = readdirSync(sources)
      .filter((file) => file.endsWith(".yaml"))
      .flatMap((file) => Object.values<{ operationId?: string }>(parse(readFileSync(`${sources}${file}`, "utf8"))).map((op) => op?.operationId));
    expect(written.filter(Boolean).length).toBeGreaterThan(0);
    expect(operations.filter(Boolean).sort()).toEqual(written.filter(Boolean).sort());
  });

  it("has only local $refs", () => {
    const refs = JSON.stringify(spec).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => !ref.startsWith('"$ref":"#/'))).toEqual([]);
  });

  it("has the same content in YAML and JSON", () => {
    const yaml = parse(readFileSync(fileURLToPath(new URL("../dist/openapi.yaml", import.meta.url)), "utf8"));
    expect(yaml).toEqual(spec);
  });

  it("sends updatePool as merge-patch only and createPool as JSON only", () => {
    expect(Object.keys(spec.paths["/v2/{project_id}/pools/{pool_name}"].patch.requestBody.content)).toEqual(["application/merge-patch+json"]);
    expect(Object.keys(spec.paths["/v2/{project_id}/pools"].post.requestBody.content)).toEqual(["application/json"]);
  });

  it("has the regional endpoint with a region variable", () => {
    expect(spec.servers[0]).toMatchObject({ url: "https://modelarts.{region}.myhuaweicloud.com", variables: { region: { default: expect.any(String) } } });
  });
});
