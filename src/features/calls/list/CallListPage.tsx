import Typography from '@mui/material/Typography';

/** Placeholder until the owning engineer lands this screen. */
export default function CallListPage() {
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Calls
      </Typography>
      <Typography color="text.secondary">The calls logged in HubSpot: search, filter, sort and page through them, with bulk edit and delete.</Typography>
    </>
  );
}
