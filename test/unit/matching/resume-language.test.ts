import { describe, expect, it } from 'vitest';
import { createMatcher, trainJobProfile, type SemanticScorer } from '../../../matching';
import { notReadLift } from '../../../matching/combine';
import { readsAsEnglish, writtenIn } from '../../../matching/language';
import { blindedPerson as person } from '../../fixtures/matching/blinded-person';

// The default model reads English only. A resume in another language gets a similarity that says nothing about
// the person, so it is scored as without the model, and its summary says why.

const profile = trainJobProfile({
  job: { jobId: 'weld-1', title: 'Structural Welder', offices: ['Houston, TX'] },
  post: {
    title: 'Structural Welder',
    content: '<h3>Requirements</h3><ul><li>3+ years of structural welding</li><li>Read blueprints</li></ul>',
  },
});

const spanish = person(
  'es',
  `Miguel Torres\nSoldador estructural · Houston, TX\n\nSoldador estructural — Aceros del Norte, Monterrey (2014 – 2022)\n- Soldadura de vigas y columnas con procesos SMAW y FCAW en todas las posiciones\n- Lectura de planos y símbolos de soldadura para la fabricación de estructuras\n- Trabajo en equipo con los montadores y el inspector de calidad en la obra`,
);
const english = person(
  'en',
  `Ricky Dawson\nStructural Welder · Pasadena, TX\n\nStructural Welder — Gulf Steel (2016 – present)\n- Weld beams and columns with SMAW and FCAW in all positions\n- Read blueprints and weld symbols for the fabrication of steel structures`,
);

/** What an English-only model does with Spanish: it finds the Spanish resume far from the post. */
function englishOnlyModel(readsManyLanguages?: boolean): SemanticScorer {
  return {
    name: 'semantic',
    model: 'test/english-only',
    ...(readsManyLanguages === undefined ? {} : { readsManyLanguages }),
    async scoreWithDetails(_profile, batch) {
      return batch.map((p) => {
        const similarity = p.personId === 'es' ? 0.05 : 0.6;
        return { personId: p.personId, score: similarity, similarity, requirements: [] };
      });
    },
    async score(profile, batch) {
      return this.scoreWithDetails(profile, batch);
    },
  };
}

describe('the language of a resume', () => {
  it('is read from its function words', () => {
    expect(readsAsEnglish(english.text)).toBe(true);
    expect(readsAsEnglish(spanish.text)).toBe(false);
    expect(
      readsAsEnglish(
        'Physiotherapeutin, Praxis für Physiotherapie (2018 – 2024)\n- Ambulante Behandlung nach Knie- und Schulteroperationen am Gerät\n- Ausbildung zur Physiotherapeutin, Erfahrung mit der manuellen Therapie',
      ),
    ).toBe(false);
    expect(
      readsAsEnglish(
        "Infirmière en réanimation — CHU de Lyon (2015 – 2023)\n- Soins aux patients ventilés et surveillance des constantes dans le service\n- Formation des nouvelles infirmières à l'accueil",
      ),
    ).toBe(false);
    expect(
      writtenIn(
        'Ricercatrice UX — Nexi, Milano (2019 – 2025)\n- Interviste e test di usabilità per il prodotto dei pagamenti\n- Sintesi delle ricerche per i team di design e di prodotto, con esperienza nei sondaggi',
      ),
    ).toBe('it');
    expect(
      writtenIn(
        'UX-onderzoeker bij Bol.com, Utrecht (2018 – 2024)\n- Interviews en usability-tests voor het team van de app\n- Ik deel de inzichten met product en design, met ervaring in enquêtes',
      ),
    ).toBe('nl');
    // Too few words to tell, or English in telegraphic style with a Spanish surname: nothing changes.
    expect(readsAsEnglish('Kubernetes Administrator, TCS (2024 – present)\n- RBAC, upgrades, Helm')).toBe(
      true,
    );
    expect(
      readsAsEnglish('Data Engineer at Casa de la Cruz Foods; Spark and Airflow for the sales team'),
    ).toBe(true);
  });

  it('keeps an English-only model from scoring a Spanish resume, and says so', async () => {
    const results = await createMatcher({ semantic: englishOnlyModel() }).scoreCandidates(
      profile,
      [spanish, english],
      { asOf: '2025-06-01' },
    );
    const withModel = new Map(results.map((r) => [r.personId, r]));
    const withoutModel = await createMatcher().scoreCandidates(profile, [spanish, english], {
      asOf: '2025-06-01',
    });
    const alone = withoutModel.find((r) => r.personId === 'es');

    // Scored as without the model, lifted to where read resumes of its merit stand (the model's share is missing).
    expect(withModel.get('es')?.score).toBeCloseTo((alone?.score ?? 0) * notReadLift, 0);
    expect(withModel.get('es')?.score).toBeGreaterThan(alone?.score ?? 0);
    expect(withModel.get('es')?.scorers.semantic).toEqual({
      status: 'not-read',
      reason: 'the resume is not in English, the only language the model reads',
    });
    expect(withModel.get('es')?.summary).toMatch(
      /not read by the language model \(the resume is not in English, the only language the model reads\): scored on requirements and keywords/,
    );
    expect(withModel.get('en')?.scorers.semantic.status).toBe('used');
  });

  it('lets a model that reads many languages score it', async () => {
    const results = await createMatcher({ semantic: englishOnlyModel(true) }).scoreCandidates(
      profile,
      [spanish],
      { asOf: '2025-06-01' },
    );
    expect(results[0]?.scorers.semantic.status).toBe('used');
  });
});
