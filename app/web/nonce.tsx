import { createContext, type ReactNode, useContext } from "react";

/**
 * The nonce of this page's Content-Security-Policy, for the inline scripts Remix writes. Only
 * the server knows it; in the browser it is empty, which is what browsers show scripts anyway.
 */
const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({ nonce, children }: { nonce: string; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
