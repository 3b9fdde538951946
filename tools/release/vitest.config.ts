import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "release-tools",
    include: ["test/**/*.test.ts"],
    // The end-to-end gate test bundles a copied spec with the real redocly CLI; the tarball tests pack with pnpm and
    // run publint, arethetypeswrong, openapi-typescript and tsc. Deadlines that only catch a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
