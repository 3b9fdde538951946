import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "client",
    include: ["test/**/*.test.ts"],
    // A hang catcher only, longer than the waits' own deadline (test/support/until.ts) so that their message,
    // which says what was seen, is the one reported.
    testTimeout: 20_000,
  },
});
