// Runs before the app: puts the saved (or system) color scheme class on <html> so a dark-mode
// user does not see a light flash. Must match the ThemeProvider settings in src/app/theme.ts.
(function () {
  try {
    var mode = window.localStorage.getItem('mui-mode') || 'system';
    var scheme = mode;
    if (mode === 'system') {
      scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    if (scheme !== 'dark' && scheme !== 'light') scheme = 'light';
    document.documentElement.classList.remove('light', 'dark');
    document.documentElement.classList.add(scheme);
  } catch (e) {
    // Storage blocked: the app falls back to the system preference once it loads.
  }
})();
