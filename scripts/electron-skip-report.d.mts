import type { ElectronRuntime } from './electron-runtime.mjs';
export declare function electronSkipReasonFrom(report: unknown, find?: () => ElectronRuntime): string | null;
