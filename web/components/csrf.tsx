import { useRouteLoaderData } from 'react-router';
import type { loader as rootLoader } from '../root';

/** The CSRF token of this browser, from the root loader; every mutation posts it back. */
export function useCsrfToken(): string {
  return useRouteLoaderData<typeof rootLoader>('root')?.csrf ?? '';
}

export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}
