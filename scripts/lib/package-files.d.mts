export interface PackageManifest {
  exports?: unknown;
  types?: string;
  main?: string;
  bin?: string | Record<string, string>;
}

export declare function entryFiles(manifest: PackageManifest): string[];
export declare function reachableFiles(dir: string, manifest?: PackageManifest): Set<string>;
export declare function filesUnder(base: string, folder?: string): string[];
export declare function pruneUnreachable(dir: string): string[];
