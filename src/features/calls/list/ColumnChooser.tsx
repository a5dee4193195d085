/** Which columns show and in what order (the MIT grid cannot drag columns, so order is set here), and the row density. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { COLUMNS } from '../call-properties';
import { DEFAULT_PREFS, isDensity, move, setHidden, type ColumnPrefs, type Density } from './column-prefs';

export interface ColumnChooserProps {
  prefs: ColumnPrefs;
  onChange: (p: ColumnPrefs) => void;
  density: Density;
  onDensityChange: (d: Density) => void;
}

export function ColumnChooser({ prefs, onChange, density, onDensityChange }: ColumnChooserProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        startIcon={<ViewColumnIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="dialog"
        aria-expanded={!!anchor}
      >
        Columns
      </Button>
      <Popover
        open={!!anchor}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        slotProps={{ paper: { role: 'dialog', 'aria-label': 'Choose columns' } }}
      >
        <Box sx={{ p: 2, minWidth: 280 }}>
          <Typography variant="subtitle2" component="h2" gutterBottom>
            Columns
          </Typography>
          <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {prefs.order.map((id, i) => (
              <Box component="li" key={id} sx={{ display: 'flex', alignItems: 'center' }}>
                <FormControlLabel
                  sx={{ flex: 1, mr: 0 }}
                  control={
                    <Checkbox
                      size="small"
                      checked={!prefs.hidden.includes(id)}
                      disabled={id === 'title'}
                      onChange={(e) => onChange(setHidden(prefs, id, !e.target.checked))}
                    />
                  }
                  label={COLUMNS[id].header}
                />
                <IconButton size="small" aria-label={`Move ${COLUMNS[id].header} left`} disabled={i === 0} onClick={() => onChange(move(prefs, id, -1))}>
                  <ArrowUpwardIcon fontSize="small" />
                </IconButton>
                <IconButton
                  size="small"
                  aria-label={`Move ${COLUMNS[id].header} right`}
                  disabled={i === prefs.order.length - 1}
                  onClick={() => onChange(move(prefs, id, 1))}
                >
                  <ArrowDownwardIcon fontSize="small" />
                </IconButton>
              </Box>
            ))}
          </Box>
          <Button size="small" sx={{ mt: 1 }} onClick={() => onChange(DEFAULT_PREFS)}>
            Reset columns
          </Button>
          <Typography variant="subtitle2" component="h2" id="call-list-density" sx={{ mt: 2, mb: 1 }}>
            Density
          </Typography>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={density}
            aria-labelledby="call-list-density"
            onChange={(_e, value: unknown) => {
              if (isDensity(value)) onDensityChange(value);
            }}
          >
            <ToggleButton value="compact">Compact</ToggleButton>
            <ToggleButton value="standard">Standard</ToggleButton>
          </ToggleButtonGroup>
        </Box>
      </Popover>
    </>
  );
}
