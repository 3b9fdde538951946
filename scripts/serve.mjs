#!/usr/bin/env node
// The main job after the build: the mock on 127.0.0.1:4010 and the docs on 127.0.0.1:8080, both URLs printed,
// both stopped cleanly on Ctrl-C. Flags: --stateful, --mock-port N, --docs-port N, --host H.
import { serverFlags, startServers } from "./lib/servers.mjs";

const values = await serverFlags(process.argv.slice(2));
const { mock, docs } = await startServers(values);
console.log(`mock: ${mock.url}  (${values.stateful ? "stateful" : "examples"} mode)`);
console.log(`docs: ${docs.url}  (each operation has a curl and a TypeScript sample that call the mock)`);
console.log("Ctrl-C stops both.");
