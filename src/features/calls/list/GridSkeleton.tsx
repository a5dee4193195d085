import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';

/** Placeholder rows while the grid's code loads (the grid shows its own skeleton while data loads). */
export function GridSkeleton({ rows }: { rows: number }) {
  return (
    <Box role="status" aria-label="Loading calls" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
      <Skeleton variant="rectangular" height={40} sx={{ mb: 1 }} />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} variant="text" height={36} />
      ))}
    </Box>
  );
}
