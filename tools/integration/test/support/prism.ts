// A real Prism (the one @modelarts-pools/mock wraps) serving the bundled spec on a free loopback port.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { freePort } from "../../../../scripts/lib/net.mjs";
import { spawnUntil } from "../../../../scripts/lib/spawn.mjs";

const require = createRequire(import.meta.url);
const prismBin = fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url));
export const specFile = require.resolve("@modelarts-pools/spec/openapi.json");

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startPrism(): Promise<RunningServer> {
  const port = await freePort();
  const prism = spawnUntil(prismBin, ["mock", specFile, "--host", "127.0.0.1", "--port", String(port)], {
    ready: /Prism is listening/,
  });
  try {
    await prism.ready;
  } catch (error) {
    await prism.stop("SIGKILL");
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, close: async () => void (await prism.stop()) };
}
