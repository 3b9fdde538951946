// What the tests of the servers' entry points read and check: the URLs they print, and whether a port is held.
import { createServer } from "node:net";
import { waitFor } from "../../lib/wait.mjs";

export const urls = (output: string) => [...output.matchAll(/http:\/\/[^\s]+/g)].map(([url]) => url);
export const warnings = (output: string) => output.split("\n").filter((line) => line.startsWith("warning:"));
export const portOf = (url: string) => Number(new URL(url).port);

/** Whether nothing listens on the port any more (binding it on loopback succeeds). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Waits until every port is free; gives up after a deadline that only catches a hang, saying which are held. */
export async function portsFreed(ports: number[], deadlineMs = 120_000): Promise<void> {
  let held: number[] = ports;
  await waitFor(
    async () => {
      held = (await Promise.all(ports.map(async (port) => ((await portIsFree(port)) ? undefined : port)))).filter((port) => port !== undefined);
      return held.length === 0;
    },
    { what: `ports ${ports.join(", ")} free after the process exited`, deadlineMs, intervalMs: 100, seen: () => `still held: ${held.join(", ")}` },
  );
}

/** A port something else holds until `release()`. */
export async function busyPort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const { port } = holder.address() as { port: number };
  return { port, release: () => new Promise((resolve) => holder.close(() => resolve())) };
}
