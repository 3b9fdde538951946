// Runs a real program to its end. Its time limit only catches a hang (tsc on the samples takes 10 s on a quiet
// machine and up to 63 s on a busy one); a program killed there is reported as such, with what it printed.
import { spawn } from "node:child_process";

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<Finished> {
  const timeoutMs = options.timeoutMs ?? 360_000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let killed = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (killed) reject(new Error(`${command} ${args.join(" ")} had not finished after ${timeoutMs} ms and was killed:\n${stdout}\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? "");
  });
}
