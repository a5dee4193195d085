import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { isPlainText, sanitizeCallBody } from './sanitize';

/** The call notes (hs_call_body), sanitized; plain text keeps its line breaks. */
export function CallNotes({ body }: { body: string }) {
  const html = useMemo(() => sanitizeCallBody(body), [body]);
  if (!body.trim()) {
    return <Typography color="text.secondary">No notes.</Typography>;
  }
  return (
    <Box
      data-testid="call-notes"
      sx={{
        overflowWrap: 'anywhere',
        whiteSpace: isPlainText(body) ? 'pre-wrap' : 'normal',
        '& p': { my: 1 },
        '& img': { maxWidth: '100%' },
      }}
      // Sanitized by DOMPurify above (no scripts, handlers or javascript: links).
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
