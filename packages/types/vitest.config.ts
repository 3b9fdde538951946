import { defineConfig } from "vitest/config";
import { vitestProject } from "../../scripts/lib/vitest-project.mjs";

export default defineConfig(
  vitestProject("types", {
    sharesModules: true,
    // The type tests (*.test-d.ts) are checked by tsc: a line that should not compile is marked @ts-expect-error,
    // so it fails the run when it does compile.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.test.json",
    },
  }),
);
