import { useEffect, useState } from 'react';

/** Whether the window is narrower than `width` px, following resizes (false on the server). */
export function useNarrowWindow(width: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${width - 1}px)`);
    const follow = () => setNarrow(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [width]);
  return narrow;
}
