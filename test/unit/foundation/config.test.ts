import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configTableMarkdown } from '../../../config/config-table';
import { ConfigError, isDemoMode, parseEnv } from '../../../config/env';

describe('configuration from the environment', () => {
  it('a fresh machine with nothing set runs in demo mode with local defaults', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.TEMPORAL_UI_PORT).toBe(8233);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isDemoMode(env)).toBe(true);
  });

  it('a DATABASE_URL that is not a PostgreSQL URL names the variable and what it got', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://db/pilothouse' })).toThrowError(
      /DATABASE_URL: .*\(got "mysql:\/\/db\/pilothouse"\)/,
    );
  });

  it('a TEMPORAL_ADDRESS without a port says host:port is expected', () => {
    expect(() => parseEnv({ TEMPORAL_ADDRESS: 'temporal.internal' })).toThrowError(
      /TEMPORAL_ADDRESS: expected host:port/,
    );
  });

  it('every wrong variable is listed at once, not one per restart', () => {
    try {
      parseEnv({ PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('PORT:');
      expect((error as Error).message).toContain('LOG_LEVEL:');
    }
  });

  it('a demo sandbox URL without the credential that opens it is refused (the starter passes both)', () => {
    expect(() => parseEnv({ PILOTHOUSE_DEMO_SANDBOX_URL: 'http://127.0.0.1:4010' })).toThrowError(
      /PILOTHOUSE_DEMO_SANDBOX_URL needs PILOTHOUSE_DEMO_CLIENT_ID and PILOTHOUSE_DEMO_CLIENT_SECRET/,
    );
    const env = parseEnv({
      PILOTHOUSE_DEMO_SANDBOX_URL: 'http://127.0.0.1:4010',
      PILOTHOUSE_DEMO_CLIENT_ID: 'demo',
      PILOTHOUSE_DEMO_CLIENT_SECRET: 'demo-secret',
    });
    expect(env.PILOTHOUSE_DEMO_CLIENT_ID).toBe('demo');
  });

  it('a client id without its secret is refused rather than half-connecting to Greenhouse', () => {
    expect(() => parseEnv({ GREENHOUSE_CLIENT_ID: 'abc' })).toThrowError(
      /GREENHOUSE_CLIENT_ID and GREENHOUSE_CLIENT_SECRET/,
    );
  });

  it('production refuses to start without a session secret', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrowError(/SESSION_SECRET: required in production/);
  });

  it('an empty value in .env counts as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('the README configuration table is the one generated from the schema', () => {
    // Compare cell by cell: prettier pads the README's table, the generator does not.
    const rows = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .filter((line) => !/^\|\s*-/.test(line))
        .map((line) => line.split('|').map((cell) => cell.trim()));
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section =
      readme.split('<!-- config-table:start -->')[1]?.split('<!-- config-table:end -->')[0] ?? '';
    expect(rows(section), 'run `npm run config:table` and paste the output into the README').toEqual(
      rows(configTableMarkdown()),
    );
  });
});
