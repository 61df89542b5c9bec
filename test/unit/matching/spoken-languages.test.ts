import { describe, expect, it } from 'vitest';
import { createMatcher, trainJobProfile } from '../../../matching';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

// A contact center hiring bilingual representatives asks for Spanish. The post says it in the title and in a
// requirements paragraph written as one sentence of items; the people who have it say so in a languages line,
// in their work, or by writing the whole resume in Spanish.

const post = `<p><strong>Rio Grande Credit Union</strong> serves 140,000 members along the border.</p>
<p>You will answer members' calls and chats in English and Spanish.</p>
<p><b>Requirements:</b> High school diploma or GED; fluent spoken and written English and Spanish (we will test both); 1+ year of customer service experience, call center preferred; comfortable typing while talking.</p>
<p><b>Pay:</b> $18.00 per hour plus $1.50 bilingual differential.</p>`;

const profile = trainJobProfile({
  job: {
    jobId: 'csr',
    title: 'Bilingual Customer Service Representative (English/Spanish)',
    offices: ['El Paso, TX'],
  },
  post: { title: 'Bilingual Customer Service Representative (English/Spanish)', content: post },
});

const spanishWritten = person(
  'escrito-en-espanol',
  `Agente de servicio al cliente · El Paso, TX
Agente de servicio al cliente — Banco del Norte, Ciudad Juárez (2021 – 2025)
- Atención telefónica y por chat a más de 60 socios por día con las consultas de saldos, tarjetas y préstamos
- Resolución de disputas de tarjetas y restablecimiento de la banca en línea para los clientes del banco`,
);
const languagesLine = person(
  'languages-line',
  `Customer Service Representative · El Paso, TX
Customer Service Representative — Western Refining (2022 – 2025)
- Answered 70 calls a day about billing and service; kept handle time under 5 minutes
Languages: English, Spanish (native)`,
);
const englishOnly = person(
  'english-only',
  `Customer Service Representative · El Paso, TX
Customer Service Representative — Western Refining (2022 – 2025)
- Answered 70 calls a day about billing and service; kept handle time under 5 minutes`,
);

describe('a post that asks for a spoken language', () => {
  it('reads the language from the title and the requirements, and the job from the title without it', () => {
    const byKind = profile.requirements.map((r) => `${r.kind}:${r.label}:${r.importance}`);
    expect(byKind).toContain('title:Customer Service Representative:must');
    expect(byKind).toContain('skill:Spanish:must');
    expect(byKind.some((r) => /english/i.test(r))).toBe(false);
  });

  it('counts a languages line and a resume written in Spanish as Spanish, and ranks both above a rep without it', async () => {
    const results = await createMatcher().scoreCandidates(
      profile,
      [englishOnly, languagesLine, spanishWritten],
      {
        asOf: '2025-06-01',
      },
    );
    const spanish = (id: string) =>
      results.find((r) => r.personId === id)?.requirements.find((r) => r.label === 'Spanish');

    expect(spanish('languages-line')).toMatchObject({ status: 'met' });
    expect(spanish('escrito-en-espanol')).toMatchObject({
      status: 'met',
      reason: 'the resume is written in Spanish',
    });
    expect(spanish('escrito-en-espanol')?.evidence).toMatch(/Atención telefónica y por chat/);
    expect(spanish('english-only')).toMatchObject({ status: 'not-met' });
    expect(results.at(-1)?.personId).toBe('english-only');
  });

  it("does not take a surname or a plural for the language's own name", async () => {
    const results = await createMatcher().scoreCandidates(
      profile,
      [
        person(
          'surname',
          `Customer Service Representative · El Paso, TX
Customer Service Representative — Castellanos & Reyes Insurance (2022 – 2025)
- Answered 70 calls a day about billing and service; kept handle time under 5 minutes`,
        ),
        person(
          'own-name',
          `Customer Service Representative · El Paso, TX
Customer Service Representative — Western Refining (2022 – 2025)
- Answered 70 calls a day about billing and service, in English and castellano`,
        ),
      ],
      { asOf: '2025-06-01' },
    );
    const spanish = (id: string) =>
      results.find((r) => r.personId === id)?.requirements.find((r) => r.label === 'Spanish');
    expect(spanish('surname')).toMatchObject({ status: 'not-met' });
    expect(spanish('own-name')).toMatchObject({ status: 'met' });
  });

  it('still counts a programming language named only under skills as partly', async () => {
    const engineering = trainJobProfile({
      job: { jobId: 'be', title: 'Backend Engineer', offices: ['Remote'] },
      post: { title: 'Backend Engineer', content: '<h3>Requirements</h3><ul><li>Python</li></ul>' },
    });
    const [result] = await createMatcher().scoreCandidates(
      engineering,
      [
        person(
          'listed',
          'Backend Engineer, Shopwise (2020 – 2025)\n- Kept the lights on\nLanguages: Python, Go',
        ),
      ],
      { asOf: '2025-06-01' },
    );
    expect(result?.requirements.find((r) => r.label === 'Python')).toMatchObject({ status: 'partly' });
  });
});
