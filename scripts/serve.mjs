#!/usr/bin/env node
// The main job after the build: the mock on 127.0.0.1:4010 and the docs on 127.0.0.1:8080, both URLs printed,
// both stopped cleanly on Ctrl-C. Flags: --stateful, --mock-port N, --docs-port N, --host H.
import { parseArgs } from "node:util";
import { startMock } from "../packages/mock/dist/index.js";
import { serveDocs } from "../apps/docs/dist/serve.js";

const { values } = parseArgs({
  options: {
    stateful: { type: "boolean", default: false },
    "mock-port": { type: "string", default: "4010" },
    "docs-port": { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
  },
});

const mock = await startMock({ port: Number(values["mock-port"]), host: values.host, stateful: values.stateful });
const docs = await serveDocs({ port: Number(values["docs-port"]), host: values.host });
console.log(`mock: ${mock.url}  (${values.stateful ? "stateful" : "examples"} mode)`);
console.log(`docs: ${docs.url}  (each operation has a curl and a TypeScript sample that call the mock)`);
console.log("Ctrl-C stops both.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([mock.close(), docs.close()]);
    process.exit(0);
  });
}
