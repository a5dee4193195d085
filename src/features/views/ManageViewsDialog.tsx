/** The team's saved views: open, copy the link of, rename or delete each one. */
import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import LinkIcon from '@mui/icons-material/Link';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState } from '../../components/ErrorState';
import { describeError } from '../../lib/describeError';
import { useNotify } from '../../lib/notifications';
import { Link as RouterLink } from '../../lib/router';
import { NameDialog } from './NameDialog';
import { savedViewLink } from './saved-view-link';
import type { SavedView } from './views-api';
import { useDeleteView, useRenameView, viewQueries } from './views-queries';

function ActionButton({ label, onClick, children }: { label: string; onClick: () => void; children: React.ReactNode }) {
  return (
    <Tooltip title={label}>
      <IconButton aria-label={label} onClick={onClick}>
        {children}
      </IconButton>
    </Tooltip>
  );
}

export function ManageViewsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  const views = useQuery(viewQueries.list());
  const rename = useRenameView();
  const remove = useDeleteView();
  const notify = useNotify();
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  const copyLink = async (view: SavedView) => {
    const url = new URL(savedViewLink(view.id), window.location.origin).href;
    try {
      await navigator.clipboard.writeText(url);
      notify({ message: `Copied the link to “${view.name}”.`, severity: 'success' });
    } catch {
      notify({ message: `Could not copy: the browser did not allow clipboard access. The link is ${url}`, severity: 'warning' });
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Saved views</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary">
          Shared with everyone who uses this console. Each view is also a link.
        </Typography>
        {views.isError && <ErrorState error={views.error} title="Could not load the saved views" onRetry={() => void views.refetch()} />}
        {views.isPending && <Typography sx={{ mt: 2 }}>Loading saved views…</Typography>}
        {views.data?.length === 0 && <Typography sx={{ mt: 2 }}>No saved views yet. Use Views › Save current view… on the call list.</Typography>}
        <List aria-label="Saved views">
          {views.data?.map((view) => (
            <ListItem
              key={view.id}
              divider
              secondaryAction={
                <>
                  <ActionButton label={`Copy the link to ${view.name}`} onClick={() => void copyLink(view)}>
                    <LinkIcon />
                  </ActionButton>
                  <ActionButton label={`Rename ${view.name}`} onClick={() => setRenaming(view)}>
                    <EditIcon />
                  </ActionButton>
                  <ActionButton label={`Delete ${view.name}`} onClick={() => setDeleting(view)}>
                    <DeleteIcon />
                  </ActionButton>
                </>
              }
              sx={{ pr: 18 }}
            >
              <Link component={RouterLink} to={savedViewLink(view.id)} onClick={onClose} sx={{ overflowWrap: 'anywhere' }}>
                {view.name}
              </Link>
            </ListItem>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>

      {renaming && (
        <NameDialog
          title="Rename the view"
          initialName={renaming.name}
          confirmLabel="Rename"
          onSubmit={(name) => rename.mutateAsync({ id: renaming.id, name })}
          onClose={() => setRenaming(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete the view “${deleting.name}”?`}
          message="Everyone on the team loses this view and its link. No call is changed."
          confirmLabel="Delete view"
          destructive
          busy={remove.isPending}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        >
          {remove.isError && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {describeError(remove.error).text}
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
