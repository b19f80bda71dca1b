// Preload entry, bundled by scripts/build-node.mjs into ONE CommonJS file (dist/electron/preload.cjs):
// a sandboxed preload can neither be an ES module nor require anything but `electron`.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeTillBridge } from './bridge';

exposeTillBridge({ contextBridge, ipcRenderer });
