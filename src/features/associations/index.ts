/** Public surface of the associations feature (the call page and the create form import from here). */
export { AssociationsPanel } from './AssociationsPanel';
export { AssociationSummary, PinnedOnSummary } from './AssociationSummary';
export { AssociationPicker } from './AssociationPicker';
export { entryName, pickedToAssociationInputs } from './association-model';
export { useCallAssociations } from './useCallAssociations';
export type { PickedRecord } from './association-model';
