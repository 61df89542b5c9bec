import { describe, expect, it } from 'vitest';
import { currentResume } from '../../../greenhouse';

type File = {
  id: number;
  type: 'resume' | 'other' | 'cover_letter';
  application_id: number;
  created_at?: string;
};
const file = (id: number, type: File['type'], application_id: number, created_at?: string): File => ({
  id,
  type,
  application_id,
  ...(created_at ? { created_at } : {}),
});

describe('the resume Greenhouse holds for a person now', () => {
  it('is the one on the application we look at, even when another application has a newer one', () => {
    const files = [
      file(1, 'resume', 10, '2026-11-01T00:00:00Z'),
      file(2, 'resume', 20, '2026-12-01T00:00:00Z'),
    ];
    expect(currentResume(files, 10)?.id).toBe(1);
  });

  it('is the newest resume when the application has none', () => {
    const files = [
      file(1, 'resume', 10, '2026-11-01T00:00:00Z'),
      file(2, 'resume', 20, '2026-12-01T00:00:00Z'),
    ];
    expect(currentResume(files, 30)?.id).toBe(2);
    expect(currentResume(files, null)?.id).toBe(2);
  });

  it('is never a replaced resume (Greenhouse files it as other) nor a cover letter', () => {
    const files = [file(1, 'other', 10, '2026-12-02T00:00:00Z'), file(2, 'cover_letter', 10)];
    expect(currentResume(files, 10)).toBeNull();
    expect(currentResume([...files, file(3, 'resume', 10, '2026-11-01T00:00:00Z')], 10)?.id).toBe(3);
  });

  it('is nothing when Greenhouse holds no file', () => {
    expect(currentResume([], 10)).toBeNull();
  });
});
