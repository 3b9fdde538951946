export declare const deadlines: { testTimeout: number; hookTimeout: number };
