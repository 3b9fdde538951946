// `pnpm release` end to end on the shared repo copy: a spec edit (a new optional request property and a new paged
// operation, as a person adds one), a minor changeset, and nothing else: the operation becomes a method (and an
// iterator) of the packed client, a sample on the docs page and an operation the mock checks, with no other edit; the release must build the edit into everything built from the spec (its build is
// `pnpm build`'s: the next one is all cache hits) and pack types that have the property, and a client that depends on
// those types at the new version. The tarballs' own checks (contents, publint, attw, engines, in step) are the ones
// `pnpm release` runs, asserted from its output here; the check on an unreleased pack is
// tools/release/test/check-packages.e2e.test.ts's.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_DEADLINE_MS, commandsDeadline, copyEnv, runIn, type InstalledCopy } from "../../lib/repo-copy.mjs";
import { commandLine, spawnUntil } from "../../lib/spawn.mjs";

/** A paged GET under a pool, as a person would add one: its shared parameters by reference, its answer inline. */
const probesPath = `parameters:
  - $ref: ../components/parameters/project_id.yaml
get:
  operationId: listPoolProbes
  tags: [Resource Pools]
  summary: Obtaining a pool's probes
  description: Lists the probes of a resource pool, a page at a time.
  parameters:
    - $ref: ../components/parameters/pool_name_lifecycle.yaml
    - name: limit
      in: query
      description: How many probes at most one answer holds.
      schema: { type: integer, minimum: 0, maximum: 500 }
      example: 20
    - $ref: ../components/parameters/continue.yaml
  responses:
    "200":
      description: OK
      content:
        application/json:
          schema:
            type: object
            properties:
              metadata: { type: object, properties: { continue: { type: string } } }
              items: { type: array, items: { type: object, properties: { name: { type: string } } } }
          example: { metadata: { continue: "" }, items: [{ name: probe-1 }] }
    "400":
      $ref: ../components/responses/BadRequest.yaml
    "404":
      $ref: ../components/responses/PoolNotFound.yaml
`;

export function release(copy: () => InstalledCopy): void {
  describe("pnpm release after a spec edit and a minor changeset", () => {
    let scratch = "";
    let released = "";
    const at = (...path: string[]) => join(copy().root, ...path);

    beforeAll(() => {
      scratch = mkdtempSync(join(tmpdir(), "release-unpacked-"));
      // The copy's spec as the last release (pre-release baseline), so that the edit below is the only difference.
      runIn(copy().root, "node", ["tools/release/dist/cli.js", "save-released", "--initial"]);
      for (const file of readdirSync(at(".changeset"))) if (file.endsWith(".md") && file !== "README.md") rmSync(at(".changeset", file));
      // `pnpm changeset` as the README shows it, without its questions (--empty): a changeset file, released as nothing.
      runIn(copy().root, ...commandLine("pnpm changeset --empty"));
      expect(readdirSync(at(".changeset")).filter((file) => file.endsWith(".md") && file !== "README.md")).toHaveLength(1);
      writeFileSync(at(".changeset", "release-note.md"), '---\n"@modelarts-pools/spec": minor\n---\n\nA pool may carry a release note.\n');
      const schema = at("spec", "components", "schemas", "PoolSpecCreation.yaml");
      const original = readFileSync(schema, "utf8");
      expect(original).toContain("\nproperties:\n");
      writeFileSync(schema, original.replace("\nproperties:\n", "\nproperties:\n  releaseNote:\n    type: string\n    description: A note kept with the pool.\n"));
      // And a new operation, as a person adds one: a path file and its line in openapi.yaml, nothing else.
      writeFileSync(at("spec", "paths", "pool-probes.yaml"), probesPath);
      const root = at("spec", "openapi.yaml");
      writeFileSync(root, readFileSync(root, "utf8").replace("\npaths:\n", "\npaths:\n  /v2/{project_id}/pools/{pool_name}/probes:\n    $ref: paths/pool-probes.yaml\n"));

      const run = spawnSync(...commandLine("pnpm release"), { cwd: copy().root, env: copyEnv(), encoding: "utf8", timeout: COMMAND_DEADLINE_MS });
      released = `${run.stdout}${run.stderr}`;
      if (run.status !== 0) throw new Error(`pnpm release failed (${run.error?.message ?? `exit ${run.status}`}):\n${released}`);
    }, commandsDeadline(4)); // save-released, changeset, release
    afterAll(() => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      copy().restore();
    }, commandsDeadline(1));

    /** The packed tarball of `name` at the released version, unpacked into a folder of its own. */
    function unpacked(name: "spec" | "types" | "client"): string {
      const into = join(scratch, name);
      mkdirSync(into, { recursive: true });
      execFileSync("tar", ["-xzf", at(".release", `modelarts-pools-${name}-0.1.0.tgz`), "-C", into, "--strip-components=1"]);
      return into;
    }

    it("versions the group as 0.1.0 and verifies what it packed", () => {
      expect(released).toContain("[release] version 0.1.0 packed into .release/");
      expect(released).toMatch(/the packed set \(0\.1\.0\) — ok/);
      expect(released).toMatch(/@modelarts-pools\/types: [\d.]+ kB packed, 6 files — ok\n/);
    });

    it("packs the spec and the types with the new property, and a client that depends on those types", () => {
      const spec = JSON.parse(readFileSync(join(unpacked("spec"), "dist", "openapi.json"), "utf8"));
      expect(spec.info.version).toBe("0.1.0");
      expect(spec.components.schemas.PoolSpecCreation.properties.releaseNote).toEqual({ type: "string", description: "A note kept with the pool." });
      const declarations = readFileSync(join(unpacked("types"), "dist", "generated", "openapi.d.ts"), "utf8");
      expect(declarations).toMatch(/PoolSpecCreation: \{[^}]*releaseNote\?: string;/);
      // The client's request types are the types package's (re-exported), so the client must name this one exactly.
      const client = JSON.parse(readFileSync(join(unpacked("client"), "package.json"), "utf8")) as { dependencies: Record<string, string> };
      expect(client.dependencies["@modelarts-pools/types"]).toBe("0.1.0");
    });

    it("built the edit into the copy's types and docs, and `pnpm build` after it is all cache hits", () => {
      expect(readFileSync(at("packages", "types", "dist", "generated", "openapi.d.ts"), "utf8")).toMatch(/PoolSpecCreation: \{[^}]*releaseNote\?: string;/);
      const docs = JSON.parse(readFileSync(at("apps", "docs", "dist", "openapi.json"), "utf8"));
      expect(docs.components.schemas.PoolSpecCreation.properties.releaseNote).toBeDefined();
      for (const file of ["index.html.br", "index.html.gz"]) expect(readFileSync(at("apps", "docs", "dist", file)).length, file).toBeGreaterThan(0);
      const again = runIn(copy().root, ...commandLine("pnpm build"));
      expect(again, again).toMatch(/Cached:\s+(\d+) cached, \1 total/);
      expect(again).toContain("FULL TURBO");
    });

    it("makes the operation the spec edit added a method of the packed client, paged, with no other edit", () => {
      const methods = readFileSync(join(unpacked("client"), "dist", "generated", "methods.d.ts"), "utf8");
      expect(methods).toContain('listPoolProbes(poolName: string, query?: NonNullable<Api["listPoolProbes"]["parameters"]["query"]>');
      expect(methods).toContain("listPoolProbesAll(poolName: string");
    });

    it("documents the added operation with a TypeScript sample that calls its method with a number for limit", () => {
      const docs = JSON.parse(readFileSync(at("apps", "docs", "dist", "openapi.json"), "utf8"));
      const samples = docs.paths["/v2/{project_id}/pools/{pool_name}/probes"].get["x-codeSamples"] as { lang: string; source: string }[];
      expect(samples.find((sample) => sample.lang === "TypeScript")?.source).toMatch(/await pools\.listPoolProbes\("[^"]+", \{\s+limit: 20,/);
    });

    it("checks the added operation's parameters in the copy's mock: limit=1000 is over its maximum, limit=ten no integer", async () => {
      const mock = spawnUntil(process.execPath, ["packages/mock/bin/modelarts-pools-mock.js", "--port", "0"], { ready: /http:\/\/127\.0\.0\.1:\d+/, cwd: copy().root });
      try {
        const [url] = await mock.ready;
        const probes = `${url}/v2/p1/pools/pool-001-86c13962597848eeb29c5861153a391f/probes`;
        const ask = async (query: string) => {
          const response = await fetch(`${probes}?${query}`, { headers: { "x-auth-token": "t" } });
          return { status: response.status, body: (await response.json()) as { error_msg?: string } };
        };
        expect(await ask("limit=20")).toMatchObject({ status: 200 });
        expect(await ask("limit=1000")).toMatchObject({ status: 400, body: { error_msg: expect.stringContaining("query parameter limit must be <= 500") } });
        expect(await ask("limit=ten")).toMatchObject({ status: 400, body: { error_msg: expect.stringContaining('query parameter limit must be of type integer, not "ten"') } });
      } finally {
        await mock.stop("SIGTERM");
      }
    });

    it("`node tools/release/dist/cli.js check` finds no difference since the release just made", () => {
      expect(runIn(copy().root, ...commandLine("node tools/release/dist/cli.js check"))).toContain("no API difference since the last release (0.1.0)");
    });

    it("`node tools/release/dist/cli.js diff A.json B.json` classifies the released spec against the built one", () => {
      const output = runIn(copy().root, ...commandLine("node tools/release/dist/cli.js diff tools/release/released/openapi.json spec/dist/openapi.json"));
      expect(output).toContain("needs: none");
    });

    it("`node scripts/release.mjs --only version` runs that one step: nothing is pending, so no version moves", () => {
      const output = runIn(copy().root, ...commandLine("node scripts/release.mjs --only version"));
      expect(output).toContain("[release] no changeset is pending: every version stays as it is");
      expect(JSON.parse(readFileSync(at("spec", "package.json"), "utf8")).version).toBe("0.1.0");
    });
  });
}
