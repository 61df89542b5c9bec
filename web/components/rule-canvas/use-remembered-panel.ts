import { useCallback, useEffect, useState } from 'react';

/**
 * Whether a side panel of the canvas (the palette, the inspector) is open, remembered per browser: an
 * admin who folds the palette away at 1024 px finds it folded on the next job too. Until they choose,
 * `openByDefault` decides from the window's width — known only in the browser, so the server renders
 * the panel open and the first effect settles it.
 */
export function useRememberedPanel(
  name: 'palette' | 'inspector',
  openByDefault: (windowWidth: number) => boolean,
): [open: boolean, setOpen: (open: boolean) => void] {
  const key = `pilothouse.rule-canvas.${name}`;
  const [open, setOpenState] = useState(true);
  useEffect(() => {
    const remembered = readChoice(key);
    setOpenState(remembered ?? openByDefault(window.innerWidth));
    // Decided on the first render in the browser (callers pass a module-level `openByDefault`), not
    // again on resize: the panel does not jump while the admin works.
  }, [key, openByDefault]);
  const setOpen = useCallback(
    (next: boolean) => {
      setOpenState(next);
      try {
        window.localStorage.setItem(key, next ? 'open' : 'closed');
      } catch {
        // Storage refused (private mode, quota): the choice holds for this page only.
      }
    },
    [key],
  );
  return [open, setOpen];
}

function readChoice(key: string): boolean | null {
  try {
    const value = window.localStorage.getItem(key);
    return value === 'open' ? true : value === 'closed' ? false : null;
  } catch {
    return null;
  }
}

/** Below this width the palette starts folded to its rail and the inspector floats over the canvas. */
export const ROOMY_WIDTH = 1280;
