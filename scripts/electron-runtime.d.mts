export declare const projectRoot: string;
export declare function platformExecutable(platform?: string): string | null;
export type ElectronRuntime = { ok: true; executablePath: string } | { ok: false; reason: string };
export declare function findElectronRuntime(options?: {
  root?: string;
  env?: Readonly<Record<string, string | undefined>>;
  platform?: string;
}): ElectronRuntime;
