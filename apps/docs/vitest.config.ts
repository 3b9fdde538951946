import { defineConfig } from "vitest/config";
import { deadlines } from "../../scripts/lib/deadlines.mjs";

export default defineConfig({
  test: {
    name: "docs",
    include: ["test/**/*.test.ts"],
    ...deadlines,
  },
});
