/**
 * The call list's "Views" menu: save the current view for the team, open a saved one (each item is its
 * link), and manage them (copy link, rename, delete). The dialogs load on first use.
 */
import { lazy, Suspense, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import BookmarkAddIcon from '@mui/icons-material/BookmarkAddOutlined';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import SettingsIcon from '@mui/icons-material/Settings';
import { describeError } from '../../lib/describeError';
import { useNotify } from '../../lib/notifications';
import { Link as RouterLink } from '../../lib/router';
import { savedViewLink } from './saved-view-link';
import type { ViewState } from './views-api';
import { useCreateView, viewQueries } from './views-queries';

const NameDialog = lazy(() => import('./NameDialog').then((m) => ({ default: m.NameDialog })));
const ManageViewsDialog = lazy(() => import('./ManageViewsDialog').then((m) => ({ default: m.ManageViewsDialog })));

/** The saved views, fetched when the menu opens (a teammate may have saved one since). */
function SavedViewItems({ onPick }: { onPick: () => void }) {
  const views = useQuery(viewQueries.list());
  if (views.isPending) return <MenuItem disabled>Loading saved views…</MenuItem>;
  if (views.isError) {
    return (
      <MenuItem onClick={() => void views.refetch()}>
        <ListItemText primary="Could not load the saved views. Retry" secondary={describeError(views.error).text} />
      </MenuItem>
    );
  }
  if (views.data.length === 0) return <MenuItem disabled>No saved views yet</MenuItem>;
  return views.data.map((view) => (
    <MenuItem key={view.id} component={RouterLink} to={savedViewLink(view.id)} onClick={onPick}>
      <ListItemText primary={view.name} slotProps={{ primary: { sx: { overflowWrap: 'anywhere', whiteSpace: 'normal' } } }} />
    </MenuItem>
  ));
}

export function ViewsMenu({ current }: { current: ViewState }) {
  const qc = useQueryClient();
  const notify = useNotify();
  const create = useCreateView();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'save' | 'manage' | null>(null);
  const close = () => setAnchor(null);
  const openDialog = (which: 'save' | 'manage') => {
    close();
    setDialog(which);
  };

  return (
    <>
      <Button
        startIcon={<BookmarksIcon />}
        aria-haspopup="menu"
        aria-expanded={!!anchor}
        onClick={(e) => setAnchor(e.currentTarget)}
        onMouseEnter={() => void qc.prefetchQuery(viewQueries.list())}
      >
        Views
      </Button>
      <Menu
        open={!!anchor}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        // In the page's main landmark, right after its button (in a portal at the end of <body> the menu would be
        // content outside every landmark).
        disablePortal
        slotProps={{ paper: { sx: { maxHeight: 480, maxWidth: 360 } }, list: { 'aria-label': 'Views' } }}
      >
        <MenuItem onClick={() => openDialog('save')}>
          <ListItemIcon>
            <BookmarkAddIcon fontSize="small" />
          </ListItemIcon>
          Save current view…
        </MenuItem>
        <MenuItem onClick={() => openDialog('manage')}>
          <ListItemIcon>
            <SettingsIcon fontSize="small" />
          </ListItemIcon>
          Manage views…
        </MenuItem>
        <Divider />
        <SavedViewItems onPick={close} />
      </Menu>
      <Suspense fallback={null}>
        {dialog === 'save' && (
          <NameDialog
            title="Save the current view"
            description="Filters, sort, search, page size, columns and density, shared with everyone who uses this console."
            confirmLabel="Save view"
            onSubmit={async (name) => {
              const view = await create.mutateAsync({ ...current, name });
              notify({ message: `Saved the view “${view.name}” for the team.`, severity: 'success' });
            }}
            onClose={() => setDialog(null)}
          />
        )}
        {dialog === 'manage' && <ManageViewsDialog onClose={() => setDialog(null)} />}
      </Suspense>
    </>
  );
}
