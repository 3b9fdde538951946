import { defineConfig } from "vitest/config";

// One vitest run over every workspace package; each keeps its own vitest.config.ts.
export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "apps/*", "tools/*", "scripts"],
  },
});
