import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../../../config/env';

const errorOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
};

describe('configuration errors keep secrets secret', () => {
  it('a too-short SESSION_SECRET is named, its value is not printed', () => {
    const message = errorOf({ SESSION_SECRET: 'hunter2-short-secret' });
    expect(message).toContain('SESSION_SECRET: must be at least 32 characters');
    expect(message).not.toContain('hunter2');
  });

  it('a bad outreach token is named without its value', () => {
    const message = errorOf({ OUTREACH_API_TOKEN: 'tok-leaked-123' });
    expect(message).toContain('OUTREACH_API_TOKEN');
    expect(message).not.toContain('tok-leaked-123');
  });

  it('a DATABASE_URL of the wrong kind shows where it points, never the password inside it', () => {
    const message = errorOf({ DATABASE_URL: 'mysql://pilothouse:S3cr3t-pa55@db.internal:3306/app' });
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('db.internal');
    expect(message).not.toContain('S3cr3t-pa55');
  });

  it('a URL with credentials where host:port was expected is shown without the password (even one with an @)', () => {
    const message = errorOf({ TEMPORAL_ADDRESS: 'https://ops:hun@ter22@temporal.internal:7233' });
    expect(message).toContain('TEMPORAL_ADDRESS: expected host:port');
    expect(message).toContain('temporal.internal:7233');
    expect(message).not.toContain('ter22');
  });

  it('an ordinary wrong value is still echoed, so the operator sees the typo', () => {
    expect(errorOf({ PORT: 'eighty' })).toContain('(got "eighty")');
  });
});
