import { defineConfig } from "vitest/config";
import { deadlines } from "../../scripts/lib/deadlines.mjs";

export default defineConfig({
  test: {
    name: "integration",
    include: ["test/**/*.test.ts"],
    ...deadlines,
  },
});
