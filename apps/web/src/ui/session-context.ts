import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { SessionIdentity } from '../session';

export interface Session {
  readonly client: ApiClient;
  readonly identity: SessionIdentity;
  readonly token: string;
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The signed-in session; the screens that use it are only shown inside one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
