// How the repo's top-level scripts (run.mjs behind `npm start` and `npm test`, dev.mjs behind `pnpm dev`) run a long
// child: its output goes straight to the terminal, and a SIGINT or SIGTERM sent to the script alone (`kill <pid>`,
// a process manager) is passed on to the child, whose exit the script then waits for, so nothing is left running.
// Node built-ins only: run.mjs uses it before anything is installed.
import { spawn } from "node:child_process";
import { constants } from "node:os";

/** Runs `command` to completion and resolves with its exit code (128 + the signal's number when a signal ended it). */
export function runPassingSignals(command, args, options = {}) {
  const child = spawn(command, args, { stdio: "inherit", ...options });
  const passOn = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", passOn);
  process.on("SIGTERM", passOn);
  return new Promise((resolve) => {
    const done = (code) => {
      process.off("SIGINT", passOn);
      process.off("SIGTERM", passOn);
      resolve(code);
    };
    child.once("error", (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      done(127);
    });
    child.once("exit", (code, signal) => done(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}
