// Shared by the tests and benchmarks that start a server as a child process and must wait until it says it is up
// (the mock's CLI printing its URL, Prism saying it listens): one way to start, wait, read the output and stop.
import { spawn } from "node:child_process";

/**
 * Spawns `command` and watches its stdout and stderr for `ready` (a RegExp).
 * `ready` resolves with the match; it rejects when the child exits first or after `timeoutMs`, a deadline that only
 * catches a hang (the mock's CLI and Prism print their first line in 2 s on a quiet machine, in up to 30 s on a
 * busy one), with what the child printed.
 * `exit` resolves with the exit code; `stop()` sends a signal and waits for the exit; `output()` is all it printed.
 */
export function spawnUntil(command, args, { ready, timeoutMs = 300_000, env = process.env, cwd } = {}) {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env, cwd });
  let output = "";
  // A command that cannot start (not on PATH: ENOENT) fires "error" and never "exit": it counts as exit 127, as in a
  // shell, with the reason in its output, so that nothing waits for it until a deadline.
  const exit = new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      if (child.pid !== undefined) return;
      output += `${command}: ${error.message}\n`;
      resolve(127);
    });
  });
  const match = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not print ${ready} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = (chunk) => {
      output += chunk;
      const found = ready?.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before printing ${ready}:\n${output}`));
    });
  });
  match.catch(() => undefined); // a run that is meant to fail never gets ready; callers that need it await it
  return {
    child,
    ready: match,
    exit,
    output: () => output,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/**
 * A command line as a person types it (`pnpm mock -- --stateful --port 0`) → [command, args], split on spaces. Tests
 * that run a command a README shows spell it this way, so that a test can check every README command is run.
 */
export function commandLine(line) {
  if (/["'\\$`]/.test(line)) throw new Error(`commandLine takes plain words only, not ${line}`);
  const [command, ...args] = line.trim().split(/\s+/);
  return [command, args];
}
