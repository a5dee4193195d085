import { createContext, useCallback, useContext, useState } from 'react';
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import type { AlertColor } from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import type { SnackbarCloseReason } from '@mui/material/Snackbar';

export interface Notification {
  message: string;
  severity?: AlertColor;
  action?: { label: string; onClick: () => void };
}

type Notify = (notification: Notification) => void;

const NotifyContext = createContext<Notify | null>(null);

interface Queued extends Notification {
  key: number;
}

/** How long a message stays: failures get longer to be read. */
function hideAfterMs(severity: AlertColor): number {
  return severity === 'error' || severity === 'warning' ? 10_000 : 5_000;
}

/** The snackbar service: one message on screen at a time, later ones wait their turn. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Queued[]>([]);
  const [open, setOpen] = useState(true);
  const current = queue[0];

  const notify = useCallback<Notify>((notification) => {
    setQueue((q) => [...q, { ...notification, key: Date.now() + Math.random() }]);
    setOpen(true);
  }, []);

  const close = (_event?: unknown, reason?: SnackbarCloseReason) => {
    if (reason === 'clickaway') return;
    setOpen(false);
  };
  const onExited = () => {
    setQueue((q) => q.slice(1));
    setOpen(true);
  };

  const severity = current?.severity ?? 'info';
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      {current && (
        <Snackbar
          key={current.key}
          open={open}
          autoHideDuration={hideAfterMs(severity)}
          onClose={close}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
          slotProps={{ transition: { onExited } }}
        >
          <Alert
            severity={severity}
            variant="filled"
            onClose={() => close()}
            role={severity === 'error' ? 'alert' : 'status'}
            action={
              current.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    current.action?.onClick();
                    close();
                  }}
                >
                  {current.action.label}
                </Button>
              ) : undefined
            }
            sx={{ width: '100%', alignItems: 'center' }}
          >
            {current.message}
          </Alert>
        </Snackbar>
      )}
    </NotifyContext.Provider>
  );
}

/** `const notify = useNotify(); notify({ message: 'Call saved', severity: 'success' })`. */
export function useNotify(): Notify {
  const notify = useContext(NotifyContext);
  if (!notify) throw new Error('useNotify must be used inside <NotificationsProvider>');
  return notify;
}
