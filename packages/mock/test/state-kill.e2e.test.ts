// The state file against the worst stop: the bin in stateful mode with --state, a stream of creates and updates, then
// SIGKILL in the middle of it (a request in flight), and the bin started again on the same file. Every pool whose
// create was answered 200 is there, with its last answered update (or, for the one update in flight at the kill, that
// update: it may have been kept before its answer was sent).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { spawnUntil, type SpawnedUntil } from "../../../scripts/lib/spawn.mjs";
import { call, createRequest, poolPath } from "./support.js";

const bin = fileURLToPath(new URL("../bin/modelarts-pools-mock.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mock-kill-"));
const file = join(dir, "state.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(): { cli: SpawnedUntil; url: Promise<string> } {
  const cli = spawnUntil(process.execPath, [bin, "--port", "0", "--stateful", "--creating-ms", "0", "--state", file], { ready: /http:\/\/[^\s]+/ });
  return { cli, url: cli.ready.then((found) => found[0]) };
}

const countOf = (round: number) => (round % 7) + 1;

describe("modelarts-pools-mock --stateful --state <file>, killed with SIGKILL", () => {
  it("comes back on the same file with every pool answered, at its last answered update", async () => {
    const first = serve();
    const url = await first.url;
    // pool name → the counts its updates were answered with (the last is the one that must be kept); and the one in flight.
    const answered = new Map<string, number[]>();
    let inFlight: { name: string; count: number } | undefined;
    try {
      for (let round = 0; round < 40; round++) {
        if (round % 3 === 0 || answered.size === 0) {
          const created = await call({ url }, { body: createRequest(`pool-kill-${round}`) });
          expect(created.status).toBe(200);
          answered.set(created.body.metadata.name, [created.body.spec.resources[0].count]);
        } else {
          const names = [...answered.keys()];
          const name = names[round % names.length]!;
          const reply = await call({ url }, { method: "PATCH", path: poolPath(name), body: { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: countOf(round) }] } } });
          expect(reply.status).toBe(200);
          answered.get(name)!.push(countOf(round));
        }
      }
      // One more update, and the kill while it is on its way.
      const name = [...answered.keys()][0]!;
      inFlight = { name, count: 99 };
      const last = call({ url }, { method: "PATCH", path: poolPath(name), body: { spec: { resources: [{ flavor: "modelarts.vm.cpu.4ud", count: 99 }] } } });
      first.cli.child.kill("SIGKILL");
      await last.catch(() => undefined);
      expect(await first.cli.exit).not.toBe(0);
    } finally {
      first.cli.child.kill("SIGKILL");
    }

    const second = serve();
    try {
      const again = await second.url;
      for (const [name, counts] of answered) {
        const shown = await call({ url: again }, { method: "GET", path: poolPath(name) });
        expect(shown.status, name).toBe(200);
        const kept = shown.body.spec.resources[0].count;
        const allowed = inFlight?.name === name ? [counts.at(-1), inFlight.count] : [counts.at(-1)];
        expect(allowed, `${name}: kept count ${kept}, answered ${counts.join(", ")}`).toContain(kept);
      }
      const listed = await call({ url: again }, { method: "GET" });
      expect(listed.body.items).toHaveLength(answered.size);
    } finally {
      await second.cli.stop("SIGTERM");
    }
  });
});
