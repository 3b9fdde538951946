import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "release-tools",
    include: ["test/**/*.test.ts"],
    // The end-to-end gate test bundles a copied spec with the real redocly CLI.
    testTimeout: 60_000,
  },
});
