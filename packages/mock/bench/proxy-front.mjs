// The design the mock did not take, kept to measure it: a thin node:http front that forwards every request to a Prism
// child process. No checks at all, so its cost is the second HTTP hop alone. Usage: node proxy-front.mjs <prism-port>
import http from "node:http";

const target = Number(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const server = http.createServer((request, response) => {
  const forward = http.request(
    { hostname: "127.0.0.1", port: target, agent, method: request.method, path: request.url, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forward.on("error", () => response.destroy());
  request.pipe(forward);
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`http://127.0.0.1:${server.address().port}\n`));
process.on("SIGTERM", () => process.exit(0));
