// spawnUntil, which every test that starts a server or a command waits through: a command that cannot start must
// end the wait at once, not at a deadline minutes later (seen: `pnpm` not on PATH hung a test file until its hooks
// timed out).
import { describe, expect, it } from "vitest";
import { spawnUntil } from "../lib/spawn.mjs";

describe("spawnUntil", () => {
  it("gives exit 127 and the reason for a command that is not on PATH, and rejects the wait for readiness", async () => {
    const run = spawnUntil("modelarts-pools-no-such-command", ["--port", "0"], { ready: /listening/, timeoutMs: 600_000 });
    expect(await run.exit).toBe(127);
    await expect(run.ready).rejects.toThrow(/exited with 127 before printing/);
    expect(run.output()).toMatch(/^modelarts-pools-no-such-command: spawn modelarts-pools-no-such-command ENOENT\n/);
    expect(await run.stop("SIGKILL")).toBe(127);
  });

  it("resolves readiness with the match once the command prints it, and the exit code after", async () => {
    const run = spawnUntil(process.execPath, ["-e", "console.log('listening on 42'); setTimeout(() => process.exit(3), 10)"], { ready: /listening on (\d+)/ });
    expect((await run.ready)[1]).toBe("42");
    expect(await run.exit).toBe(3);
  });
});
