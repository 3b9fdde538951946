import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "mock",
    include: ["test/**/*.test.ts"],
    // Deadlines that only catch a hang: on the shared 2-core machine, starting a CLI that loads Prism takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
