export declare const durationsFile: (root: string) => string;
export declare function slowestLines(files: { file: string; ms: number }[], count?: number): string[];
