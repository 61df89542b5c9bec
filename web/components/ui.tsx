import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';

export function PageHeader({
  title,
  children,
  actions,
}: {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {children ? <p className="muted">{children}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty" role="status">
      <strong>{title}</strong>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

/**
 * Previous / "Page 2 of 9" / Next under a list that is read a page at a time. Another page keeps the rest of
 * the address (the tab, the search, the sort): only `page` changes.
 */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const [params] = useSearchParams();
  const link = (to: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(to));
    return `?${next.toString()}`;
  };
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages" data-testid="pager">
      {page > 1 ? <Link to={link(page - 1)}>← Previous</Link> : <span />}
      <span className="small muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link to={link(page + 1)}>Next →</Link> : <span />}
    </nav>
  );
}

export type BadgeTone = 'neutral' | 'good' | 'warn' | 'bad' | 'info';

export function Badge({
  tone = 'neutral',
  children,
  testId,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {errors.join(' ')}
    </p>
  );
}

export function Field({
  label,
  name,
  errors,
  hint,
  children,
}: {
  label: string;
  name: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field${errors?.length ? ' has-error' : ''}`}>
      <label htmlFor={name}>{label}</label>
      {children}
      {hint ? <p className="hint">{hint}</p> : null}
      <FieldError id={`${name}-error`} errors={errors} />
    </div>
  );
}

export function Notice({ tone, children }: { tone: 'success' | 'error' | 'info'; children: ReactNode }) {
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`notice ${tone}`}>
      {children}
    </p>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner" role="progressbar" aria-label={label}>
      <span aria-hidden className="spinner-dot" /> {label}
    </span>
  );
}
