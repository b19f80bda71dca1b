export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
export declare const STAMP: string;
export declare function inputsHash(root?: string, inputs?: readonly string[]): string;
export declare function staleReason(root: string, hash: string, outputs?: readonly string[]): string | null;
export declare function buildIfNeeded(options?: { root?: string; force?: boolean; outputs?: readonly string[]; log?: (line: string) => void }): number;
export declare function writeStamp(root: string, hash?: string): void;
