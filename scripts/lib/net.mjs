// Shared by the tests and benchmarks that start servers: a free port on loopback, for a server that cannot be
// given port 0 (a child process, or one whose port must be known before it starts).
import { createServer } from "node:net";

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
