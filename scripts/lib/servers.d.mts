export declare function defaultsFromSources(): { mockPort: number; docsPort: number; host: string };
