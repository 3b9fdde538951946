// A real Prism (the one @modelarts-pools/mock wraps) serving the bundled spec on a free loopback port.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../../scripts/lib/net.mjs";

const require = createRequire(import.meta.url);
const prismBin = fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url));
export const specFile = require.resolve("@modelarts-pools/spec/openapi.json");

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startPrism(startupMs = 30_000): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(prismBin, ["mock", specFile, "--host", "127.0.0.1", "--port", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Prism did not start within ${startupMs} ms:\n${output}`));
    }, startupMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
