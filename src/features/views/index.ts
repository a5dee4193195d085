/** Public surface of the saved-views feature (the call list imports from here). */
export { OpenSavedView } from './OpenSavedView';
export { SAVED_VIEW_PARAM } from './saved-view-link';
export type { SavedView, ViewState } from './views-api';
export { ViewsMenu } from './ViewsMenu';
