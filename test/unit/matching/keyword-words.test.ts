import { describe, expect, it } from 'vitest';
import { trainJobProfile } from '../../../matching';
import { createLocalScorer, profileQuery } from '../../../matching/local-scorer';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';
import { tokenize } from '../../../matching/text';

// Keyword relevance reads words in any script: a title the occupation table knows in French or German
// ("ingénieur systèmes embarqués") adds its words to the query, not the fragments "ing", "nieur", "syst",
// "mes" and "s" that an ASCII-only reader made of them and then found inside unrelated words.

describe('the words keyword relevance reads', () => {
  it('keeps accented words whole for the scorer, as the ASCII baseline does not', () => {
    expect(tokenize('Ingénieur systèmes embarqués, C/C++', true)).toEqual([
      'ingénieur',
      'système',
      'embarqué',
      'c/c++',
    ]);
    expect(tokenize('Ingénieur systèmes embarqués', false)).toEqual([
      'ing',
      'nieur',
      'syst',
      'mes',
      'embarqu',
      's',
    ]);
  });

  it('builds a firmware post’s query from whole words only', () => {
    const profile = trainJobProfile({
      job: { jobId: 'fw', title: 'Embedded Software Engineer', offices: ['Boulder, CO'] },
      post: { title: 'Embedded Software Engineer', content: '<h3>Requirements</h3><ul><li>C</li></ul>' },
    });
    const words = [...profileQuery(profile).query.boosts.keys()];
    expect(words).toEqual(expect.arrayContaining(['embedded', 'firmware', 'ingénieur', 'embarqué']));
    expect(words).not.toContain('s');
    expect(words).not.toContain('nieur');
  });
});

describe('the short forms a profession writes', () => {
  const telemetry = trainJobProfile({
    job: { jobId: 'tele-rn', title: 'Registered Nurse - Telemetry', offices: ['Zanesville, OH'] },
    post: {
      title: 'Registered Nurse - Telemetry',
      content:
        '<h3>What you will do</h3><ul><li>Care for five telemetry patients a shift</li><li>Titrate diltiazem and heparin drips per protocol</li></ul><h3>Requirements</h3><ul><li>Ohio RN license</li><li>Telemetry experience</li></ul>',
    },
  });

  it('credits "tele", "dilt/hep" and "gtts" where the post writes telemetry, diltiazem, heparin and drips', () => {
    const terse = person(
      'terse',
      'Marisol Reyes\n2021–pres RN, Cardiac Tele — Southeastern Ohio Regional, 1:5\nRhythm strips q4h, dilt/hep gtts per protocol, post-cath',
    );
    const other = person(
      'other',
      'Dana Smith\n2021–pres RN, Labor and Delivery — Mercy Hospital\nFetal monitoring, epidurals',
    );
    const words = profileQuery(telemetry).query.boosts;
    expect([...words.keys()]).toEqual(expect.arrayContaining(['tele', 'dilt', 'hep', 'gtts']));
    // A short form is worth what its long form is in the post.
    expect(words.get('dilt')).toBe(words.get('diltiazem'));
    const results = createLocalScorer().scoreWithDetails(telemetry, [terse, other], {
      asOf: new Date('2025-06-01'),
    });
    const relevance = new Map(results.map((r) => [r.personId, r.keywordRelevance]));
    expect(relevance.get('terse')).toBeGreaterThan(2 * (relevance.get('other') ?? 0));
  });

  it('credits a short form only where the post uses its long form: "AP" for a payables post, not a nurse', () => {
    const payables = trainJobProfile({
      job: { jobId: 'ap', title: 'Accounts Payable Specialist', offices: ['Remote'] },
      post: {
        title: 'Accounts Payable Specialist',
        content: '<h3>Requirements</h3><ul><li>Accounts payable and general ledger coding</li></ul>',
      },
    });
    expect([...profileQuery(payables).query.boosts.keys()]).toEqual(expect.arrayContaining(['ap', 'gl']));
    expect([...profileQuery(telemetry).query.boosts.keys()]).not.toContain('ap');
    expect([...profileQuery(telemetry).query.boosts.keys()]).not.toContain('gl');
  });
});
