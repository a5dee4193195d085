import Typography from '@mui/material/Typography';

/** Placeholder until the owning engineer lands this screen. */
export default function CallDetailPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Call
      </Typography>
      <Typography color="text.secondary">One call: its properties, recording, notes, history and associated records.</Typography>
    </>
  );
}
