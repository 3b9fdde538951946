export declare const generatedFile: string;
export declare function generateOpenApiTypes(): Promise<string>;
