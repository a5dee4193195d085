/** Public surface of the associations feature (the call page and the create form import from here). */
export { AssociationsPanel } from './AssociationsPanel';
export type { AssociationsPanelProps } from './AssociationsPanel';
export { AssociationSummary, PinnedOnSummary } from './AssociationSummary';
export { AssociationPicker } from './AssociationPicker';
export type { AssociationPickerProps } from './AssociationPicker';
export { useCallPins, useCallAssociations } from './useCallAssociations';
export { associationQueries } from './association-queries';
export { useAddAssociations, useRemoveAssociation, useSetPin } from './association-mutations';
export { pickedToAssociationInputs, pickedToSpecs, defaultPick } from './association-model';
export type { PickedRecord, AssociatedEntry } from './association-model';
