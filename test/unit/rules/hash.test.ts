import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson, sha256Hex } from '../../../rules/index';

// node:crypto is fine here: the test checks the pure implementation the workflow sandbox uses against it.
const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('plan hashes', () => {
  it('SHA-256 matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('SHA-256 agrees with Node for any text, including accents, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(reference(text));
      }),
      { numRuns: 300 },
    );
    expect(sha256Hex('Zoë → 🎯')).toBe(reference('Zoë → 🎯'));
    expect(sha256Hex('broken \uD800 pair')).toBe(reference('broken \uFFFD pair'));
  });

  it('the same plan hashes the same whatever order its keys were written in', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"z":1}}',
    );
    expect(hashJson({ threshold: 70, field: 'score' })).toBe(hashJson({ field: 'score', threshold: 70 }));
    expect(hashJson({ threshold: 70 })).not.toBe(hashJson({ threshold: 71 }));
  });

  it('values JSON cannot carry are refused rather than silently hashed', () => {
    expect(() => canonicalJson({ score: Number.NaN })).toThrow('NaN has no JSON form');
    expect(() => canonicalJson({ when: () => 1 })).toThrow('a function has no JSON form');
  });
});
