import { createContext, useContext } from 'react';

/**
 * The Content-Security-Policy nonce of the page being rendered on the server (entry.server.tsx
 * provides it). In the browser it is empty: the inline scripts already ran, and browsers hide the
 * attribute's value from the DOM anyway.
 */
export const NonceContext = createContext('');

export function useNonce(): string {
  return useContext(NonceContext);
}
