import { defineConfig } from "vitest/config";
import { deadlines } from "../../scripts/lib/deadlines.mjs";

export default defineConfig({
  test: {
    name: "types",
    include: ["test/**/*.test.ts"],
    ...deadlines,
    // The type tests (*.test-d.ts) are checked by tsc: a line that should not compile is marked @ts-expect-error,
    // so it fails the run when it does compile.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
  },
});
