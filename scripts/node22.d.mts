export declare const REQUIRED_MAJOR: number;
export declare function node22Package(platform?: string, arch?: string): string | null;
export declare function node22Home(root: string, pkg: string): string;
export declare function node22Binary(home: string, platform?: string): string;
export declare function installNode22(root: string, pkg: string, options?: { npm?: string }): string;
export declare function ensureNode22(options?: { root?: string; major?: number }): Promise<void>;
