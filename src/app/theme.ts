import { createTheme } from '@mui/material/styles';

/** Storage key for the light/dark choice; public/theme-init.js reads the same key before first paint. */
export const COLOR_MODE_STORAGE_KEY = 'mui-mode';

/**
 * Light and dark color schemes as CSS variables, switched by a `light`/`dark` class on <html>.
 * The default mode follows the operating system until the user picks one with the toggle.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#1f5f8b' },
        secondary: { main: '#c2410c' },
        // Darker than MUI's #ed6c02, whose white text (the "Mock" badge) has a contrast of 3.1:1; this has 5.7:1,
        // and as text on the page background (an unknown outcome) 5.3:1. WCAG AA asks for 4.5:1.
        warning: { main: '#a84b00' },
        background: { default: '#f5f7fa' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#7cc4f0' },
        secondary: { main: '#fdba74' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
  },
});
