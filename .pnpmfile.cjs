// openapi-typescript builds the types package's output with TypeScript's compiler API, which TypeScript 7's package
// no longer has (its tsc is a native binary, its JS API is elsewhere). It asks for `typescript` as a peer, so it would
// get the workspace's 7 and crash: until it supports 7, it gets a TypeScript 5 of its own instead. Every tsc the repo
// runs is 7's.
// The same range as the catalog's typescript-5 (pnpm-workspace.yaml), with which the consumer test compiles.
const typescriptForOpenapiTypescript = "^5.9.3";

module.exports = {
  hooks: {
    readPackage(manifest) {
      if (manifest.name === "openapi-typescript" && manifest.peerDependencies?.typescript) {
        delete manifest.peerDependencies.typescript;
        manifest.dependencies = { ...manifest.dependencies, typescript: typescriptForOpenapiTypescript };
      }
      return manifest;
    },
  },
};
