// A small loopback load generator: `connections` keep-alive sockets, each sending its next request as soon as the
// last is answered, until `requests` are done or `seconds` have passed, whichever comes first.
import http from "node:http";

/**
 * @param {{ url: string, requests: () => { method: string, path: string, headers: Record<string,string>, body: string },
 *           total: number, connections: number, seconds: number }} options
 * @returns {Promise<{ completed: number, failed: number, seconds: number, perSecond: number, latencies: number[] }>}
 */
export async function load({ url, requests, total, connections, seconds }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  const latencies = [];
  let started = 0;
  let failed = 0;

  const one = (request) =>
    new Promise((resolve) => {
      const sent = performance.now();
      const req = http.request(
        { hostname, port, agent, method: request.method, path: request.path, headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) } },
        (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - sent);
            else failed += 1;
            resolve();
          });
        },
      );
      req.on("error", () => {
        failed += 1;
        resolve();
      });
      req.end(request.body);
    });

  const begin = performance.now();
  const worker = async () => {
    while (started < total && performance.now() < deadline) {
      started += 1;
      await one(requests());
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - begin) / 1000;
  agent.destroy();
  return { completed: latencies.length, failed, seconds: elapsed, perSecond: latencies.length / elapsed, latencies };
}
