import { describe, expect, it } from 'vitest';
import { greenhouseUserByEmail } from '../../../web/server/users.server';

const priya = { id: 101, email: 'Priya.Patel@tidewaterfreight.example', disabled: false };
const alex = { id: 102, email: 'alex.chen@tidewaterfreight.example', disabled: false };

describe('a new account is linked to the Greenhouse user with its email', () => {
  it('finds her whatever the case of either address', () => {
    expect(greenhouseUserByEmail([alex, priya], ' priya.patel@TIDEWATERFREIGHT.example')).toBe(101);
  });

  it('links nobody when no active Greenhouse user has the address', () => {
    expect(greenhouseUserByEmail([alex], 'priya.patel@tidewaterfreight.example')).toBeNull();
    expect(greenhouseUserByEmail([{ ...priya, disabled: true }], priya.email)).toBeNull();
    expect(greenhouseUserByEmail([{ ...priya, email: null }], '')).toBeNull();
  });

  it('links nobody when two Greenhouse users share it: an admin picks', () => {
    expect(greenhouseUserByEmail([priya, { ...priya, id: 103 }], priya.email)).toBeNull();
  });
});
