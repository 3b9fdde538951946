import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "scripts",
    include: ["test/**/*.test.ts"],
    // The dev-loop test installs and builds a copy of the repo before it starts.
    hookTimeout: 240_000,
    testTimeout: 60_000,
  },
});
