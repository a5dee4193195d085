import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useQuery } from '@tanstack/react-query';
import { connectionQuery } from '../lib/connection';

/** "Mock" or "HubSpot · api.hubapi.com": which backend the server's proxy talks to. */
export function ConnectionBadge() {
  const { data, isError } = useQuery(connectionQuery);
  if (isError) {
    return (
      <Tooltip describeChild title="The server did not say which HubSpot it uses.">
        <Chip size="small" color="error" label="Connection unknown" />
      </Tooltip>
    );
  }
  if (!data) return null;
  if (data.mode === 'mock') {
    return (
      <Tooltip describeChild title={`Local HubSpot mock (${data.host}): demo data, nothing reaches HubSpot.`}>
        <Chip size="small" color="warning" label="Mock" />
      </Tooltip>
    );
  }
  return (
    <Tooltip describeChild title={`Changes are made in the HubSpot account behind ${data.host}.`}>
      <Chip size="small" color="success" label={`HubSpot · ${data.host}`} />
    </Tooltip>
  );
}
