/** The list with no rows: a page emptied since, a view nothing matches, or an account with no calls yet. */
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { ReactNode } from 'react';
import { appPaths, Link as RouterLink } from '../../../lib/router';

export interface CallListEmptyProps {
  /** Past the first page. */
  laterPage: boolean;
  /** The view has a search, filter or sort. */
  filtered: boolean;
  onFirstPage: () => void;
  onClearFilters: () => void;
}

export function CallListEmpty({ laterPage, filtered, onFirstPage, onClearFilters }: CallListEmptyProps) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} role="status">
      {laterPage ? (
        <>
          <Typography gutterBottom>This page has no calls any more.</Typography>
          <Button onClick={onFirstPage}>Back to the first page</Button>
        </>
      ) : filtered ? (
        <EmptyView title="No calls match" text="No call matches the search and filters.">
          <Button variant="outlined" onClick={onClearFilters}>
            Clear filters
          </Button>
        </EmptyView>
      ) : (
        <EmptyView title="No calls yet" text="Calls logged in HubSpot show up here.">
          <Button variant="contained" component={RouterLink} to={appPaths.newCall()} startIcon={<AddIcon />}>
            Log a call
          </Button>
        </EmptyView>
      )}
    </Paper>
  );
}

/** Why the list is empty: a heading, a sentence, and what to do about it. */
function EmptyView({ title, text, children }: { title: string; text: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {text}
      </Typography>
      {children}
    </>
  );
}
