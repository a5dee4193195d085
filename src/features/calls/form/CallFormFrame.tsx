import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** The frame of the create and edit pages: the page heading, the form on a panel, and the page's dialogs after it. */
export function CallFormFrame({ heading, children, dialogs }: { heading: ReactNode; children: ReactNode; dialogs: ReactNode }) {
  return (
    <Box sx={{ maxWidth: 960, mx: 'auto' }}>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        {heading}
      </Typography>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        {children}
      </Paper>
      {dialogs}
    </Box>
  );
}
