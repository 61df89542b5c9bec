import { describe, expect, it } from 'vitest';
import { trainJobProfile } from '../../../matching';
import { profileQuery } from '../../../matching/local-scorer';
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
