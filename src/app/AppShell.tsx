import { Suspense, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import HistoryIcon from '@mui/icons-material/History';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import { appPaths, Link as RouterLink } from '../lib/router';
import { ColorModeToggle } from './ColorModeToggle';
import { ConnectionBadge } from './ConnectionBadge';
import { RetryNotice } from './RetryNotice';

const PRODUCT_NAME = 'HubSpot Calls Admin';

/** Skip link, app bar (product name, connection badge, the journal's link, theme toggle), global notices, then the routed page. */
export function AppShell({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.appBar + 1,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to content
      </Link>
      <AppBar position="sticky" color="primary">
        {/* On a phone the name gets smaller and, if it must, gives way (ellipsis) to the badge and the toggle. */}
        <Toolbar sx={{ gap: { xs: 1, sm: 1.5 }, px: { xs: 1.5, sm: 3 } }}>
          <PhoneInTalkOutlined aria-hidden sx={{ display: { xs: 'none', sm: 'block' } }} />
          <Typography
            variant="h6"
            component={RouterLink}
            to={appPaths.calls()}
            sx={{
              color: 'inherit',
              textDecoration: 'none',
              fontWeight: 600,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              minWidth: 0,
              fontSize: { xs: '1.05rem', sm: '1.25rem' },
            }}
          >
            {PRODUCT_NAME}
          </Typography>
          <ConnectionBadge />
          <Box sx={{ flexGrow: 1 }} />
          <Box component="nav" aria-label="Main">
            <Button component={RouterLink} to={appPaths.journal()} color="inherit" size="small" startIcon={<HistoryIcon aria-hidden />}>
              Journal
            </Button>
          </Box>
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      <Box role="region" aria-label="Notices" aria-live="polite">
        <RetryNotice />
      </Box>
      <Container component="main" id="main" tabIndex={-1} maxWidth="xl" sx={{ flexGrow: 1, py: { xs: 2, sm: 3 }, outline: 'none', minWidth: 0 }}>
        <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
          {children}
        </Suspense>
      </Container>
    </Box>
  );
}
