import { describe, expect, it } from 'vitest';
import { trainJobProfile } from '../../../matching';
import { evaluateRequirements } from '../../../matching/explain';
import { glossTitle } from '../../../matching/title-gloss';

// A recruiter who knows a few words of Spanish, German, French, Portuguese, Italian and Dutch reads a title in those
// languages as the English title it is, before comparing it with the post's.

describe('reading a title written in another language', () => {
  it.each([
    ['Gerente de Redes Sociais — Havaianas (Alpargatas), São Paulo (2019 – 2024)', 'social media manager'],
    ['Embedded-Linux-Entwickler — Weidtmann Automation GmbH', 'embedded linux developer'],
    ['Gerente de Operaciones de Almacén — Grupo Bimbo (2019 – 2024)', 'warehouse operations manager'],
    ['Ingeniero de Software Embebido, Bosch', 'embedded software engineer'],
    ['Analista Financeiro Sênior — Itaú (2018 – 2024)', 'senior financial analyst'],
    ['Ejecutivo de Cuentas en Oracle', 'account executive'],
    ['Leiter Logistik bei DHL', 'logistics manager'],
    ['Sviluppatore Software Senior — Satispay, Milano (2020 – oggi)', 'senior software developer'],
    ['Ricercatrice UX presso Fastweb', 'ux researcher'],
    ['Responsabile di Magazzino — Esselunga, Pioltello', 'warehouse manager'],
    ['Software-ontwikkelaar bij Adyen', 'software developer'],
    ['Financieel Analist — ING, Amsterdam', 'financial analyst'],
    // The field words of other professions: treasury, receiving, cost accounting, a German compound.
    ['Analista de Tesorería — Cementos Argos, Medellín (2019 – 2022)', 'treasury analyst'],
    ['Supervisora de Recepción — Walmart (2019 – 2024)', 'receiving supervisor'],
    ['Gerente de Contabilidad de Costos', 'cost accounting manager'],
    ['Schichtleiter Wareneingang — DHL Supply Chain', 'receiving shift supervisor'],
    ['Softwareentwicklerin Embedded — Mahle, Stuttgart', 'embedded software developer'],
  ])('reads "%s" as "%s"', (line, english) => {
    expect(glossTitle(line)).toBe(english);
  });

  it('leaves English titles and lines without a role word alone', () => {
    expect(glossTitle('Senior Product Designer, Acme (2019 – present)')).toBeNull();
    expect(glossTitle('Werkstudent Embedded Software — Phoenix Contact')).toBeNull();
    expect(glossTitle('Idiomas: português (nativo), inglês (fluente)')).toBeNull();
  });

  it('lets a Gerente de Mídias Sociais meet a Social Media Manager post, saying how the title was read', () => {
    const profile = trainJobProfile({
      job: { jobId: 'smm', title: 'Social Media Manager', offices: ['Denver, CO'] },
      post: {
        title: 'Social Media Manager',
        content: '<h3>Requirements</h3><ul><li>4+ years running brand social accounts</li></ul>',
      },
    });
    const resume = `Gerente de Mídias Sociais · Denver, CO
EXPERIÊNCIA
Gerente de Redes Sociais — Havaianas (Alpargatas), São Paulo (2019 – 2024)
- Estratégia e calendário editorial para Instagram, TikTok e YouTube no Brasil e nos EUA`;
    const verdicts = evaluateRequirements(profile, resume, { asOf: new Date('2025-06-01') });
    expect(verdicts.find((r) => r.kind === 'title')).toMatchObject({
      status: 'met',
      evidence: 'Gerente de Mídias Sociais · Denver, CO',
      reason: 'has held the title Gerente de Mídias Sociais (social media manager)',
    });
    expect(verdicts.find((r) => r.kind === 'years-of-experience')).toMatchObject({
      reason: expect.stringContaining('about 5 years as Social Media Manager or close to it'),
    });
  });
});
