import Typography from '@mui/material/Typography';

/** Placeholder until the owning engineer lands this screen. */
export default function CallCreatePage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Log a call
      </Typography>
      <Typography color="text.secondary">A form to log a new call in HubSpot and associate it with records.</Typography>
    </>
  );
}
