/**
 * When the first data row of the call grid enters the DOM, in ms from navigation start, as `--only ui` and
 * `waterfall.ts` measure it. The page reports it on the console: waiting with Playwright's `waitForFunction`
 * would run Playwright's injected script and its polling on the page's main thread during the very load being
 * measured (about 50-80 ms of a cold load here).
 */
import type { BrowserContext, Page } from '@playwright/test';

const MARK = 'bench:first-row';

/** In every new document: watch the DOM from the start and log the first row's time once. */
const SCRIPT = `(() => {
  const mo = new MutationObserver(() => {
    if (!document.querySelector('[role="grid"] [role="row"][data-id]')) return;
    mo.disconnect();
    window.__firstRowAt = performance.now();
    console.debug('${MARK}', window.__firstRowAt);
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

export async function watchFirstRow(context: BrowserContext): Promise<void> {
  await context.addInitScript(SCRIPT);
}

/** Call before navigating: resolves with the first row's time (ms from navigation start). */
export function firstRowOf(page: Page, timeout = 30_000): Promise<number> {
  return page
    .waitForEvent('console', { predicate: (m) => m.text().startsWith(MARK), timeout })
    .then((m) => Number(m.text().slice(MARK.length).trim()));
}
