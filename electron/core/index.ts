/** The core's public entry for its hosts (electron/main, electron/host), tests and benchmarks. */
export { createCore, DEFAULT_API_URL, type CoreOptions } from './create-core';
export type { TillCore } from './platform/ports';
