// The loopback server of the benchmark, in its own process so it does not share the client's event loop. It
// answers every request with the spec's scaledPool example and exits when its parent goes away.
import { createServer } from "node:http";
import { createRequire } from "node:module";

const spec = createRequire(import.meta.url)("@modelarts-pools/spec/openapi.json");
const answer = JSON.stringify(spec.components.examples.scaledPool.value);

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
    response.end(answer);
  });
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));
