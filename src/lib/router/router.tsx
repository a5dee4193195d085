import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';

/**
 * The app's own small router on the browser History API (the whole app has five routes, so a router library
 * would cost more JavaScript than it saves). Every in-app navigation (links, `navigate`, search-param updates,
 * browser back/forward) goes through here, which is what lets a form block leaving with unsaved changes.
 */

export interface AppLocation {
  pathname: string;
  search: string;
  hash: string;
}

export interface NavigateOptions {
  replace?: boolean;
}

interface HistoryState {
  idx: number;
}

type Listener = (location: AppLocation) => void;
type BlockerFn = (args: { currentLocation: AppLocation; nextLocation: AppLocation }) => boolean;
interface BlockerEntry {
  shouldBlock: BlockerFn;
  onBlocked: (proceed: () => void) => void;
}

const listeners = new Set<Listener>();
const blockers = new Set<BlockerEntry>();
/** Position of the current entry in this tab's history (kept in history.state), to undo a blocked back/forward. */
let currentIdx = 0;
/** Set while we move the history ourselves (undoing a blocked pop, or proceeding with it). */
let ignoreNextPop = false;
let allowNextPop = false;
let popListening = false;
/** The location the app shows (during a blocked back/forward the URL briefly differs). */
let currentLocation: AppLocation = { pathname: '/', search: '', hash: '' };

function readLocation(): AppLocation {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

function readIdx(state: unknown): number | undefined {
  if (typeof state === 'object' && state !== null && 'idx' in state && typeof state.idx === 'number') return state.idx;
  return undefined;
}

function notify() {
  currentLocation = readLocation();
  for (const listener of listeners) listener(currentLocation);
}

function blockedBy(nextLocation: AppLocation): BlockerEntry | undefined {
  for (const blocker of blockers) if (blocker.shouldBlock({ currentLocation, nextLocation })) return blocker;
  return undefined;
}

function onPopState(event: PopStateEvent) {
  if (ignoreNextPop) {
    ignoreNextPop = false;
    return;
  }
  const nextIdx = readIdx(event.state);
  if (nextIdx === undefined) {
    // An entry we did not create (e.g. the "Skip to content" #main link): nothing to undo it with, so it is
    // not blocked; it becomes the entry after the current one.
    allowNextPop = false;
    currentIdx += 1;
    window.history.replaceState({ idx: currentIdx } satisfies HistoryState, '');
    notify();
    return;
  }
  const blocker = allowNextPop ? undefined : blockedBy(readLocation());
  allowNextPop = false;
  if (blocker) {
    // The browser already moved: step back to where we were, then ask; proceeding replays the move.
    const delta = currentIdx - nextIdx;
    ignoreNextPop = true;
    window.history.go(delta);
    blocker.onBlocked(() => {
      allowNextPop = true;
      window.history.go(-delta);
    });
    return;
  }
  currentIdx = nextIdx;
  notify();
}

function ensureHistory() {
  if (popListening) return;
  popListening = true;
  const idx = readIdx(window.history.state);
  if (idx === undefined) window.history.replaceState({ idx: 0 } satisfies HistoryState, '');
  currentIdx = idx ?? 0;
  currentLocation = readLocation();
  window.addEventListener('popstate', onPopState);
}

function toLocation(to: string): AppLocation {
  const url = new URL(to, window.location.href);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

/** Navigates in the app (absolute path, or `?search` on the current path), unless a blocker asks first. */
export function navigate(to: string, opts: NavigateOptions = {}): void {
  ensureHistory();
  currentLocation = readLocation();
  const next = toLocation(to);
  const go = () => {
    const href = `${next.pathname}${next.search}${next.hash}`;
    if (opts.replace) window.history.replaceState({ idx: currentIdx } satisfies HistoryState, '', href);
    else {
      currentIdx += 1;
      window.history.pushState({ idx: currentIdx } satisfies HistoryState, '', href);
    }
    notify();
  };
  const blocker = blockedBy(next);
  if (blocker) blocker.onBlocked(go);
  else go();
}

export function useNavigate(): (to: string, opts?: NavigateOptions) => void {
  return navigate;
}

function useLocationState(serverLocation: AppLocation | undefined): AppLocation {
  const [location, setLocation] = useState(() => serverLocation ?? readLocation());
  useEffect(() => {
    ensureHistory();
    // Like a router library: page changes render as a transition, so a lazy page loads behind the current one.
    const listener: Listener = (next) => startTransition(() => setLocation(next));
    listeners.add(listener);
    // A child's effect (e.g. <Navigate>) may have navigated before this subscription: catch up.
    const now = readLocation();
    if (now.pathname !== location.pathname || now.search !== location.search || now.hash !== location.hash) listener(now);
    return () => {
      listeners.delete(listener);
    };
    // Subscribes once; the catch-up only covers a change between the first render and this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return location;
}

const LocationContext = createContext<AppLocation | null>(null);
const ParamsContext = createContext<Readonly<Record<string, string>>>({});

export function useLocation(): AppLocation {
  const location = useContext(LocationContext);
  if (!location) throw new Error('useLocation must be used inside <RouterView>');
  return location;
}

export function useParams(): Readonly<Record<string, string | undefined>> {
  return useContext(ParamsContext);
}

export type SearchParamsInit = URLSearchParams | Record<string, string> | string;

/** The URL's search params, and a setter that navigates (push unless `replace`) to the same path with new ones. */
export function useSearchParams(): [
  URLSearchParams,
  (next: SearchParamsInit | ((prev: URLSearchParams) => SearchParamsInit), opts?: NavigateOptions) => void,
] {
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: SearchParamsInit | ((prev: URLSearchParams) => SearchParamsInit), opts?: NavigateOptions) => {
      const value = typeof next === 'function' ? next(new URLSearchParams(window.location.search)) : next;
      const query = new URLSearchParams(value).toString();
      navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, opts);
    },
    [],
  );
  return [params, setParams];
}

export type BlockerState = { state: 'unblocked' } | { state: 'blocked'; proceed: () => void; reset: () => void };

/** While `shouldBlock` says so, in-app navigation (and back/forward) waits for `proceed()` or is dropped by `reset()`. */
export function useBlocker(shouldBlock: BlockerFn): BlockerState {
  const [blocked, setBlocked] = useState<(() => void) | null>(null);
  const latest = useRef(shouldBlock);
  useEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => {
    ensureHistory();
    const entry: BlockerEntry = {
      shouldBlock: (args) => latest.current(args),
      onBlocked: (proceed) => setBlocked(() => proceed),
    };
    blockers.add(entry);
    return () => {
      blockers.delete(entry);
    };
  }, []);
  if (!blocked) return { state: 'unblocked' };
  return {
    state: 'blocked',
    proceed: () => {
      setBlocked(null);
      blocked();
    },
    reset: () => setBlocked(null),
  };
}

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  replace?: boolean;
  /** A full page load instead of in-app navigation (e.g. to leave a crashed page). */
  reloadDocument?: boolean;
  ref?: Ref<HTMLAnchorElement>;
}

/** An anchor whose plain left clicks navigate in the app; modified clicks (new tab/window) stay the browser's. */
export function Link({ to, replace, reloadDocument, onClick, target, ref, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      reloadDocument ||
      event.button !== 0 ||
      event.metaKey ||
      event.altKey ||
      event.ctrlKey ||
      event.shiftKey ||
      (target && target !== '_self')
    )
      return;
    event.preventDefault();
    navigate(to, { replace });
  };
  return <a {...rest} ref={ref} href={to} target={target} onClick={handleClick} />;
}

/** Redirects (replacing the history entry) once rendered. */
export function Navigate({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

export interface RouteMatch {
  element: ReactNode;
  params?: Readonly<Record<string, string>>;
}

/**
 * Renders the page `resolve` picks for the current path, with its params and location available to it.
 * `location`: where the server renders the page (there is no window); the browser reads its own.
 */
export function RouterView({ resolve, location: serverLocation }: { resolve: (pathname: string) => RouteMatch; location?: AppLocation | undefined }) {
  const location = useLocationState(serverLocation);
  const match = resolve(location.pathname);
  return (
    <LocationContext value={location}>
      <ParamsContext value={match.params ?? EMPTY_PARAMS}>{match.element}</ParamsContext>
    </LocationContext>
  );
}

const EMPTY_PARAMS: Readonly<Record<string, string>> = {};
