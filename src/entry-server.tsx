/**
 * The server's renderer of the call list (server/ssr.ts loads its build, dist/.ssr/entry-server.js): the first
 * screen's data is read through our own server's /hubspot proxy, in-process, and the page is rendered to HTML
 * with that data beside it, so the browser shows the rows before its scripts have run and then hydrates them.
 * Other screens (and a saved view's link, which first becomes another address) are left to the browser.
 */
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { dehydrate } from '@tanstack/react-query';
import { App, type NotifyRef } from './app/App';
import { createQueryClient } from './app/query-client';
import { serverPageStateElement, type PageRenderer } from './app/server-page';
import { configureHttp, type HttpConfig } from './api/http';
import { prefetchCallList } from './features/calls/list/useCallListPage';
import { SAVED_VIEW_PARAM } from './features/views';
import { matchAppPath } from './lib/router';
import { setRenderedTimeZone } from './lib/timezone';

/** `fetchInProcess`: our server's own /hubspot proxy and /api, without a socket (and behind its auth already). */
export function createPageRenderer(fetchInProcess: HttpConfig['fetch']): PageRenderer {
  configureHttp({ origin: 'http://calls-admin.internal', fetch: fetchInProcess });
  return async (url, timeZone) => {
    if (matchAppPath(url.pathname)?.name !== 'calls' || url.searchParams.has(SAVED_VIEW_PARAM)) return null;
    const queryClient = createQueryClient();
    try {
      await prefetchCallList(queryClient, url.search, timeZone);
      // A failed read is the browser's to show (its error states, its retries): no page.
      if (queryClient.getQueryCache().getAll().some((q) => q.state.status !== 'success')) return null;
      setRenderedTimeZone(timeZone);
      const notifyRef: NotifyRef = createRef();
      const html = renderToString(<App queryClient={queryClient} notifyRef={notifyRef} location={{ pathname: url.pathname, search: url.search, hash: '' }} />);
      // A part that failed (or waited for code) shows its fallback, marked <!--$!--> or <!--$?-->, until the
      // browser renders it again: no page then, the plain app.
      if (/<!--\$[!?]-->/.test(html)) throw new Error('a part of the page could not be rendered on the server');
      return { html, stateElement: serverPageStateElement({ timeZone, queries: dehydrate(queryClient) }) };
    } finally {
      queryClient.clear();
    }
  };
}
