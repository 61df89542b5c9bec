import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** The error boundary every page shares: says what went wrong and where to go next. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title = 'This page could not be shown';
  let detail = 'An unexpected error occurred. The details are in the server log.';
  if (isRouteErrorResponse(error)) {
    title =
      error.status === 404
        ? 'Not found'
        : error.status === 403
          ? 'Not allowed'
          : `${error.status} ${error.statusText}`;
    if (typeof error.data === 'string') detail = error.data;
  } else if (import.meta.env.DEV && error instanceof Error) {
    detail = error.message;
  }
  return (
    <main className="page" data-testid="route-error">
      <h1>{title}</h1>
      <p className="muted">{detail}</p>
      <p>
        <Link to="/jobs">Back to jobs</Link>
      </p>
    </main>
  );
}
