// Entry of a reader thread (see reader.ts). Worker threads do not inherit tsx's loader from the
// main thread, so register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./reader-worker.ts');
