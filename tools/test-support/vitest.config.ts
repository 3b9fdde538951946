import { defineConfig } from "vitest/config";
import { deadlines } from "../../scripts/lib/deadlines.mjs";

export default defineConfig({
  test: {
    name: "test-support",
    include: ["test/**/*.test.ts"],
    ...deadlines,
  },
});
