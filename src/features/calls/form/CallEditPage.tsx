import Typography from '@mui/material/Typography';

/** Placeholder until the owning engineer lands this screen. */
export default function CallEditPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Edit call
      </Typography>
      <Typography color="text.secondary">A form to change this call's properties.</Typography>
    </>
  );
}
