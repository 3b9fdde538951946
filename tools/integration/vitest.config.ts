import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "integration",
    include: ["test/**/*.test.ts"],
    // A hang catcher only; each test that waits on a process or a server has its own deadline.
    testTimeout: 20_000,
  },
});
