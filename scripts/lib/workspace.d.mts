export declare function missingBuilds(repo: string): string[];
