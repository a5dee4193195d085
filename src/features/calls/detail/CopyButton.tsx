import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { useNotify } from '../../../lib/notifications';

/** Copies a raw value (ids, ISO times) for admins. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      notify({ message: `Copied ${value}`, severity: 'success' });
    } catch {
      notify({ message: 'Could not copy: the browser did not allow clipboard access.', severity: 'warning' });
    }
  };
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={() => void copy()}>
        <ContentCopyIcon fontSize="inherit" />
      </IconButton>
    </Tooltip>
  );
}
