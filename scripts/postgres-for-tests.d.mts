export declare const PG_TEST_USER: string;
export declare const DEBIAN_POSTGRES_LIB: string;
export declare function findPostgresBinDir(options?: { env?: Readonly<Record<string, string | undefined>>; lib?: string }): string | null;
export declare function postgresTestUserIds(): { uid: number; gid: number } | null;
export declare function ensurePostgresTestUser(): string | null;
export declare const NO_MAIN_CLUSTER: string;
export declare function withoutDistributionCluster(installScript: string, noMainCluster?: string): string;
