import { useEffect } from 'react';
import { useBlocker, type Blocker } from 'react-router';

/**
 * Keeps an admin from losing edits they have not saved: going to another page of the app asks first,
 * and closing or reloading the tab gets the browser's own question. Once the edits are saved (or
 * nothing is left to lose) a held navigation goes on by itself.
 */
export function useUnsavedChangesGuard(unsaved: boolean): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsaved]);
  useEffect(() => {
    if (blocker.state === 'blocked' && !unsaved) blocker.proceed();
  }, [blocker, unsaved]);
  return blocker;
}

/** The question, over the page and in view whatever was scrolled: stay, save and leave, or leave. */
export function UnsavedChangesDialog({
  blocker,
  what,
  save,
}: {
  blocker: Blocker;
  /** What would be lost, as the page calls it ("Your changes to these rules"). */
  what: string;
  /** Saves; the navigation goes on once the save is confirmed. */
  save?: { label: string; run: () => void; busy: boolean };
}) {
  if (blocker.state !== 'blocked') return null;
  return (
    <div className="leave-guard">
      <section
        className="panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-guard-heading"
        data-testid="unsaved-changes"
      >
        <h2 id="leave-guard-heading">Leave without saving?</h2>
        <p>{what} are not saved. If you leave now, they are lost.</p>
        <div className="leave-guard-actions">
          {save ? (
            <button
              type="button"
              className="button primary"
              disabled={save.busy}
              onClick={save.run}
              data-testid="save-and-leave"
            >
              {save.busy ? 'Saving…' : save.label}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => blocker.reset()} data-testid="stay">
            Stay on this page
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => blocker.proceed()}
            data-testid="leave-anyway"
          >
            Leave without saving
          </button>
        </div>
      </section>
    </div>
  );
}
