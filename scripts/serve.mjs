#!/usr/bin/env node
// The main job after the build: the mock on 127.0.0.1:4010 and the docs on 127.0.0.1:8080, both URLs printed,
// both stopped cleanly on Ctrl-C or SIGTERM. Flags: --stateful, --mock-port N, --docs-port N, --host H.
import { parseServerFlags, startServers } from "./lib/servers.mjs";

const flags = parseServerFlags(process.argv.slice(2), { command: "node scripts/serve.mjs" });
const { mock, docs, stateful } = await startServers(flags);
console.log(`mock: ${mock.url}  (${stateful ? "stateful" : "examples"} mode)`);
console.log(`docs: ${docs.url}  (each operation has a curl and a TypeScript sample that call the mock)`);
console.log("Ctrl-C stops both.");
