/** Public surface of the calls feature for other features: its query keys (e.g. to refresh a call after a change). */
export { callKeys } from './calls-queries';
