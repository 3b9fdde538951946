export declare const generatedFile: string;
export declare function generateOpenApiTypes(specUrl?: URL): Promise<string>;
