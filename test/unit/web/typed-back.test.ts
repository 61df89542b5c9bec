// A form sent before the page's script ran (a slow connection, or a click during hydration) comes back as a
// new page: the setup form returns what was typed in its name and email fields, never a password, so a
// person who chose too short a password does not retype everything else.
import { describe, expect, it } from 'vitest';
import { typedBack } from '../../../web/server/forms.server';

describe('what a form sends back after an error', () => {
  const form = new FormData();
  form.set('name', 'Ada Admin');
  form.set('email', 'ada@example.com');
  form.set('password', 'short');
  form.set('confirm', 'short');

  it('is the fields the page names, as typed', () => {
    expect(typedBack(form, ['name', 'email'])).toEqual({ name: 'Ada Admin', email: 'ada@example.com' });
  });

  it('never holds a field the page did not name, such as the password', () => {
    expect(JSON.stringify(typedBack(form, ['name', 'email']))).not.toContain('short');
  });

  it('is bounded, whatever was posted', () => {
    const long = new FormData();
    long.set('name', 'x'.repeat(100_000));
    expect(typedBack(long, ['name']).name).toHaveLength(500);
  });
});
