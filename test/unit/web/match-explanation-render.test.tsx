import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { blindCandidate, createMatcher, trainJobProfile } from '../../../matching';
import { MatchExplanation } from '../../../web/components/people';
import { explanationView } from '../../../web/server/job-people.server';

// What a recruiter reads under "Why this score": each requirement with the line it was read from, and — where
// the line alone does not say what was read from it — how: a title in another language and its English, the
// years counted in the line of work.

describe('why a person scored what they did', () => {
  it('shows how a Portuguese title was read and the years in the line of work beside their quotes, and a skill by its quote alone', async () => {
    const profile = trainJobProfile({
      job: { jobId: 'smm', title: 'Social Media Manager', offices: ['Denver, CO'] },
      post: {
        title: 'Social Media Manager',
        content:
          '<h3>Requirements</h3><ul><li>4+ years running brand social accounts</li><li>TikTok</li></ul>',
      },
    });
    const prepared = blindCandidate({
      personId: 'p1',
      resumeText:
        'Mariana Tavares\nGerente de Redes Sociais — Havaianas, São Paulo (2019 – 2024)\n- Estratégia e calendário editorial para Instagram, TikTok e YouTube no Brasil e nos EUA',
    });
    if (!prepared.ok) throw new Error(prepared.message);
    const [result] = await createMatcher().scoreCandidates(profile, [prepared.candidate], {
      asOf: '2025-06-01',
    });
    const html = renderToStaticMarkup(
      <MatchExplanation explanation={explanationView(result)} score={result!.score} />,
    );
    const line = (label: string) =>
      [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)]
        .map((m) => m[1]!.replace(/<[^>]+>/g, ''))
        .find((text) => text.includes(label))!;
    expect(line('Social Media Manager')).toContain(
      'Gerente de Redes Sociais — Havaianas, São Paulo (2019 – 2024) — has held the title Gerente de Redes Sociais (social media manager)',
    );
    expect(line('4+ years of experience')).toContain('about 5 years as Social Media Manager or close to it');
    expect(line('TikTok')).not.toContain(' — ');
  });
});
