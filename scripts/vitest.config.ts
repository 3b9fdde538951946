import { defineConfig } from "vitest/config";
import { deadlines } from "./lib/deadlines.mjs";

export default defineConfig({
  test: {
    name: "scripts",
    include: ["test/**/*.test.ts"],
    ...deadlines,
  },
});
