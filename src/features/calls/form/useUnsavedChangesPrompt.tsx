import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useBlocker } from '../../../lib/router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

/**
 * Asks before leaving a form with unsaved changes: in-app navigation shows a dialog (our router's
 * blocker), closing or reloading the tab shows the browser's own prompt (beforeunload).
 * Call `allowNextNavigation()` right before navigating away after a successful save.
 */
export function useUnsavedChangesPrompt(dirty: boolean): { prompt: ReactNode; allowNextNavigation: () => void } {
  const allowRef = useRef(false);
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }) =>
        dirty && !allowRef.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [dirty],
    ),
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (allowRef.current) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const allowNextNavigation = useCallback(() => {
    allowRef.current = true;
  }, []);

  const prompt = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      message="Your changes to this call have not been saved. If you leave now they are lost."
      confirmLabel="Leave without saving"
      cancelLabel="Stay on this page"
      destructive
      onConfirm={() => {
        if (blocker.state === 'blocked') blocker.proceed();
      }}
      onCancel={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    />
  );
  return { prompt, allowNextNavigation };
}
