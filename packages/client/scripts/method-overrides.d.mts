export type MethodOverrides = Record<string, { name?: string; returns?: string }>;
export declare const methodOverrides: MethodOverrides;
