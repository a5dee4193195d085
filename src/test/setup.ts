import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest's jsdom environment replaces the global Uint8Array and ArrayBuffer with the jsdom window's own,
// so Node's Buffers (better-sqlite3's answers in the HubSpot mock that src/test/hubspot.ts runs in this
// process) stop being `instanceof Uint8Array`. Node's code (jsdom's included) uses Node's constructors:
// give them back to the tests too.
const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
globalThis.Uint8Array = NodeUint8Array;
globalThis.ArrayBuffer = Object.getPrototypeOf(Buffer.alloc(0).buffer).constructor as ArrayBufferConstructor;

// Component tests run the real HubSpot mock and MUI on a shared machine: give screens time to settle
// before a lookup fails.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});
