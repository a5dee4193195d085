/**
 * Each saved view is also a link: `/calls?view=<id>`. The link names the view, not a copy of its state, so
 * it opens the view as it is now (renamed or changed since) with its columns and density, and says so
 * plainly when the view was deleted. The call list resolves it (OpenSavedView) into the list's own URL.
 */
import { appPaths } from '../../lib/router';

export const SAVED_VIEW_PARAM = 'view';

export const savedViewLink = (id: string): string => appPaths.calls(new URLSearchParams({ [SAVED_VIEW_PARAM]: id }));
