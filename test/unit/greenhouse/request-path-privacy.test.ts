import { describe, expect, it } from 'vitest';
import { describeRequestPath } from '../../../greenhouse/errors';

// Request paths go into logs, failure messages and so workflow histories: no query value that can
// name a person may be in them.
describe('request paths in logs and errors', () => {
  it('masks every query value that can hold a name, email, phone or profile', () => {
    const url = new URL(
      'https://harvest.example/v3/candidates/search?search=Ada%20Lovelace&tag=Ada&email=ada%40example.org' +
        '&first_name=Ada&last_name=Lovelace&name=Ada&phone=%2B15550100&linkedin_url=https%3A%2F%2Flinkedin.com%2Fin%2Fada' +
        '&per_page=100&job_id=4000001&candidate_ids=1,2&updated_at%5Bgte%5D=2026-11-01T00:00:00Z&status=all',
    );
    const path = describeRequestPath(url);
    expect(path).not.toMatch(/Ada|Lovelace|example\.org|5550100|linkedin\.com/);
    expect(path).toContain('per_page=100');
    expect(path).toContain('job_id=4000001');
    expect(path).toContain('candidate_ids=1,2');
    expect(path).toContain('updated_at[gte]=2026-11-01T00:00:00Z');
    expect(path).toContain('status=all');
    expect(path).toContain('search=[redacted]');
  });
});
