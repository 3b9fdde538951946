import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "scripts",
    include: ["test/**/*.test.ts"],
    // Several tests install, build, lint or release a copy of the repo: deadlines that only catch a hang, on a
    // machine that may be busy.
    hookTimeout: 600_000,
    testTimeout: 600_000,
  },
});
