/**
 * When the first data row of the call grid enters the DOM, and when the app has taken it over (a row the server
 * rendered is only HTML until React hydrates it; a row the app rendered is live at once), in ms from navigation
 * start, as `--only ui` and `waterfall.ts` measure them. The page reports them on the console: waiting with
 * Playwright's `waitForFunction` would run Playwright's injected script and its polling on the page's main thread
 * during the very load being measured (about 50-80 ms of a cold load here).
 */
import type { BrowserContext, Page } from '@playwright/test';

const FIRST_ROW = 'bench:first-row';
const ROWS_LIVE = 'bench:rows-live';

/**
 * In every new document: watch the DOM from the start and log the first row's time once; then, once a frame (one
 * property check), whether React owns that row yet (its fiber key), and log that time once.
 */
const SCRIPT = `(() => {
  const mo = new MutationObserver(() => {
    const row = document.querySelector('[role="grid"] [role="row"][data-id]');
    if (!row) return;
    mo.disconnect();
    console.debug('${FIRST_ROW}', performance.now());
    const live = () => {
      const current = document.querySelector('[role="grid"] [role="row"][data-id]');
      if (current && Object.keys(current).some((k) => k.startsWith('__reactFiber'))) console.debug('${ROWS_LIVE}', performance.now());
      else requestAnimationFrame(live);
    };
    live();
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

export async function watchFirstRow(context: BrowserContext): Promise<void> {
  await context.addInitScript(SCRIPT);
}

function mark(page: Page, name: string, timeout: number): Promise<number> {
  return page
    .waitForEvent('console', { predicate: (m) => m.text().startsWith(name), timeout })
    .then((m) => Number(m.text().slice(name.length).trim()));
}

/** Call before navigating: resolves with the first row's time (ms from navigation start). */
export function firstRowOf(page: Page, timeout = 30_000): Promise<number> {
  return mark(page, FIRST_ROW, timeout);
}

/** Call before navigating: resolves when the app has taken the first row over (ms from navigation start). */
export function rowsLiveOf(page: Page, timeout = 30_000): Promise<number> {
  return mark(page, ROWS_LIVE, timeout);
}
