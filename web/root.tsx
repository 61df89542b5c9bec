import {
  data,
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRevalidator,
  useRouteLoaderData,
} from 'react-router';
import { useEffect } from 'react';
import { TimeZoneContext } from './components/when';
import type { Route } from './+types/root';
import { CsrfInput } from './components/csrf';
import { useNonce } from './components/nonce';
import { csrfToken, currentUser } from './server/auth.server';
import { unreadNotificationCount } from './server/notifications.server';
import { TIME_ZONE_COOKIE, timeZoneFrom } from './server/time-zone';
import stylesheet from './styles/app.css?url';

// The icon is inline: without one every browser asks for /favicon.ico, which no route answers, and
// each visit logged a "No route matches" error.
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="#1f6feb"/></svg>',
)}`;

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: ICON },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const [user, csrf] = await Promise.all([currentUser(request, context), csrfToken(request, context)]);
  // The unread count in the navigation; a Greenhouse hiccup while working out the user's jobs shows none.
  const unread = user ? await unreadNotificationCount(context, user).catch(() => 0) : 0;
  return data(
    {
      user: user ? { name: user.name, email: user.email, role: user.role } : null,
      unread,
      csrf: csrf.token,
      demo: Boolean(context.env.PILOTHOUSE_DEMO_SANDBOX_URL),
      timeZone: timeZoneFrom(request.headers.get('Cookie')),
    },
    csrf.setCookie ? { headers: { 'Set-Cookie': csrf.setCookie } } : undefined,
  );
}

function Navigation() {
  const root = useRouteLoaderData<typeof loader>('root');
  const user = root?.user;
  const is = (...roles: string[]) =>
    user !== null && user !== undefined && (user.role === 'admin' || roles.includes(user.role));
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ⎈
        </span>{' '}
        Pilothouse
      </div>
      {user ? (
        <>
          <NavLink to="/jobs">Jobs</NavLink>
          {is('recruiter') && <NavLink to="/approvals">Approvals</NavLink>}
          {is('ops') && <NavLink to="/ops">Ops</NavLink>}
          <NavLink to="/notifications" data-testid="notifications-link">
            Notifications{' '}
            {root.unread > 0 ? (
              <span
                className="badge badge-info"
                data-testid="unread-count"
                aria-label={`${root.unread} unread`}
              >
                {root.unread}
              </span>
            ) : null}
          </NavLink>
          {is() && <NavLink to="/settings/greenhouse">Connect Greenhouse</NavLink>}
          {is() && <NavLink to="/settings/users">Users</NavLink>}
        </>
      ) : null}
      <NavLink to="/" end>
        Status
      </NavLink>
      <div className="sidebar-footer">
        {root?.demo ? <span className="badge badge-info">Demo sandbox</span> : null}
        {user ? (
          <Form method="post" action="/logout" className="signed-in">
            <CsrfInput />
            <span className="small" data-testid="signed-in-as">
              {user.name} · {user.role}
            </span>
            <NavLink to="/account/password" className="small">
              Change password
            </NavLink>
            <button type="submit" className="button link">
              Sign out
            </button>
          </Form>
        ) : (
          <NavLink to="/login">Sign in</NavLink>
        )}
      </div>
    </nav>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* Stylesheets need no nonce (style-src allows this origin); one would differ at hydration. */}
        <Links nonce="" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="shell">
          <Navigation />
          <div className="content" id="main">
            {children}
          </div>
        </div>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const timeZone = useBrowserTimeZone();
  // Says the page's scripts have taken over (keys, selections, live updates): browser journeys wait for it
  // before they press keys, which a page still showing only its server HTML would ignore.
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return (
    <TimeZoneContext.Provider value={timeZone}>
      <Outlet />
    </TimeZoneContext.Provider>
  );
}

/**
 * Dates are rendered in the reader's zone (web/components/when.ts). The server learns it from a cookie
 * the browser sets here; on the first visit, or after travelling, the page is loaded again in it.
 */
function useBrowserTimeZone(): string {
  const serverZone = useRouteLoaderData<typeof loader>('root')?.timeZone ?? 'UTC';
  const revalidator = useRevalidator();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === serverZone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    void revalidator.revalidate();
    // Once per zone: a zone the server cannot use (it answers UTC) must not reload the page forever.
  }, [serverZone]);
  return serverZone;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = 'Something went wrong';
  let detail = 'An unexpected error occurred. The details are in the server log.';
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404
        ? 'Page not found'
        : error.status === 403
          ? 'Not allowed'
          : `${error.status} ${error.statusText}`;
    detail = typeof error.data === 'string' ? error.data : detail;
  } else if (import.meta.env.DEV && error instanceof Error) {
    detail = error.message;
  }
  return (
    <main className="page">
      <h1>{title}</h1>
      <p className="muted">{detail}</p>
    </main>
  );
}
