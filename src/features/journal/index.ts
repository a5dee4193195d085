/** Public surface of the journal feature: run a bulk change to calls through the journal (so it can be undone). */
export { runJournaledChange, type ChangeResult, type JournaledChange } from './run-change';
export type { CallChange, CallValues } from './call-values';
export { ChangeReport } from './ChangeReport';
export { deleteChange, outcomeChange } from './list-changes';
