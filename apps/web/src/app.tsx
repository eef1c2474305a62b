import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { createApiClient } from './api/client';
import type { ApiProblem } from './api/problem';
import { TOKEN_STORAGE_KEY, hasExpired, identityOf, tokenFromFragment } from './session';
import { SessionContext, useSession } from './ui/session-context';
import { useHashRoute } from './ui/use-hash-route';
import { LiveProvider, useLiveConnected } from './ui/live';
import { SignIn } from './screens/sign-in';
import { LeadDesk } from './screens/lead-desk';
import { LeadDetail } from './screens/lead-detail';
import { Inbox } from './screens/inbox';
import { Loading } from './ui/feedback';
import { ScreenErrorBoundary } from './ui/error-boundary';

// The chart library is large: it loads with the analytics screen, not with the first screen.
const Analytics = lazy(async () => ({ default: (await import('./screens/analytics')).Analytics }));

/**
 * A sign-in link's token is moved into sessionStorage and the fragment replaced at once, so the
 * token is neither left in the address bar nor in the tab's history.
 */
function takeLinkedToken(): string | undefined {
  const linked = tokenFromFragment(window.location.hash);
  if (linked !== undefined) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, linked);
    window.history.replaceState(null, '', '/#/leads');
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}

// At load, before the first render: a later change of the fragment (a link, the back button)
// must not find the token still there, nor the token be missed because the fragment moved on.
const tokenAtLoad = takeLinkedToken();

export function App() {
  const [token, setToken] = useState(tokenAtLoad);
  const [signedOutBecause, setSignedOutBecause] = useState<ApiProblem>();
  const signOut = useCallback((problem?: ApiProblem) => {
    sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    setToken(undefined);
    setSignedOutBecause(problem);
  }, []);
  const signIn = useCallback((given: string) => {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, given);
    setSignedOutBecause(undefined);
    setToken(given);
  }, []);
  const session = useMemo(() => {
    const identity = token === undefined ? undefined : identityOf(token);
    if (token === undefined || identity === undefined || hasExpired(identity, Date.now())) return undefined;
    return { client: createApiClient(token, signOut), identity, token };
  }, [token, signOut]);

  if (session === undefined)
    return <SignIn onSignIn={signIn} problem={signedOutBecause} hadToken={token !== undefined} />;
  return (
    <SessionContext.Provider value={session}>
      <LiveProvider token={session.token}>
        <Shell onSignOut={() => signOut()} />
      </LiveProvider>
    </SessionContext.Provider>
  );
}

function Shell({ onSignOut }: { readonly onSignOut: () => void }) {
  const route = useHashRoute();
  const { identity } = useSession();
  const live = useLiveConnected();
  return (
    <>
      <header className="top">
        <a className="brand" href="#/leads">
          LTC Engine
        </a>
        <nav aria-label="Screens">
          <a href="#/leads" aria-current={route.screen === 'leads' || route.screen === 'lead' ? 'page' : undefined}>
            Lead desk
          </a>
          <a href="#/inbox" aria-current={route.screen === 'inbox' ? 'page' : undefined}>
            My inbox
          </a>
          <a href="#/analytics" aria-current={route.screen === 'analytics' ? 'page' : undefined}>
            Analytics
          </a>
        </nav>
        <span className="who" data-testid="signed-in-as">
          {identity.userId} · {identity.roles.join(', ')} · {identity.tenant}
        </span>
        <span className={live ? 'live on' : 'live'} data-testid="live" role="status">
          {live ? 'live' : 'connecting…'}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main>
        <ScreenErrorBoundary resetKey={window.location.hash}>
          {route.screen === 'leads' && <LeadDesk filters={route.filters} />}
          {route.screen === 'lead' && <LeadDetail leadId={route.leadId} />}
          {route.screen === 'inbox' && <Inbox />}
          {route.screen === 'analytics' && (
            <Suspense fallback={<Loading what="analytics" />}>
              <Analytics />
            </Suspense>
          )}
        </ScreenErrorBoundary>
      </main>
    </>
  );
}
