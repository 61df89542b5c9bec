// The Export step's stage: the job's Greenhouse stages and Pilothouse's stages in two lists, and a
// Pilothouse stage counts as set up only through a mapping the admin saved, never through a suggestion —
// which is named, since the default rules export there until a flow is published.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  fillStageMappingDefaults,
  savedStageMapping,
  validateFlow,
  type StageMapping,
} from '../../../rules/index';
import { StagePicker } from '../../../web/components/rule-canvas/fields/pickers';
import { exportAsCandidate, flowOf, trigger } from '../rules/fixtures/build-flow';
import { jobContext, JOB_ID, STAGES } from '../rules/fixtures/job';

const greenhouseStages = Object.values(STAGES);
// What the Stage mapping page suggests for the job: "Exported" → its first stage, "Application Review".
const suggested = fillStageMappingDefaults({ jobId: JOB_ID, greenhouseStages }).mapping;

// As the rules page loads them: the saved links, and the page's suggestions to name (never to resolve through).
function exportIssues(mapping: StageMapping, stageSuggestions: StageMapping | null = suggested) {
  const flow = flowOf(trigger.personMatched(), [exportAsCandidate()]);
  return validateFlow(flow, jobContext({ stageMapping: mapping, stageSuggestions })).filter((i) =>
    i.code.startsWith('stage-'),
  );
}

function picker(mapping: StageMapping, stageSuggestions: StageMapping | null = suggested) {
  return renderToStaticMarkup(
    <StagePicker
      value={null}
      onChange={() => {}}
      choices={{ ...jobContext({ stageMapping: mapping, stageSuggestions }), greenhouseStages }}
    />,
  );
}

describe('the stage an Export step sends people to', () => {
  it('on a job whose mapping nobody saved, "Exported" is not set up, though the page would suggest a stage', () => {
    expect(suggested.links.find((l) => l.pipelineStage === 'exported')?.greenhouseStageId).toBe(
      STAGES.applicationReview.id,
    );
    const issues = exportIssues(savedStageMapping(suggested, null));
    expect(issues.map((i) => [i.severity, i.message])).toEqual([
      [
        'error',
        expect.stringContaining(
          'uses the Pilothouse stage "Exported", linked to "Application Review" only by a Stage mapping suggestion nobody saved (the default rules export there until a flow is published): save the mapping to publish this flow',
        ),
      ],
    ]);
    expect(picker(savedStageMapping(suggested, null))).toContain(
      'Exported, not saved (suggests Application Review)',
    );
  });

  it('with no suggestion either (a job without interview stages), "Exported" is simply not linked yet', () => {
    const issues = exportIssues(savedStageMapping(suggested, null), null);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining(
        'uses the Pilothouse stage "Exported", which no saved stage mapping links to a Greenhouse stage: link it on the Stage mapping page',
      ),
    ]);
    expect(picker(savedStageMapping(suggested, null), null)).toContain('Exported (not linked yet)');
  });

  it('once the admin saves the mapping, "Exported" leads to the Greenhouse stage it was saved with', () => {
    const saved: StageMapping = {
      ...suggested,
      links: suggested.links.map((l) =>
        l.pipelineStage === 'exported'
          ? { ...l, greenhouseStageId: STAGES.phoneScreen.id, setBy: 'admin' }
          : l,
      ),
    };
    expect(exportIssues(savedStageMapping(suggested, saved))).toEqual([]);
    expect(picker(savedStageMapping(suggested, saved))).toContain('Exported → Phone Screen');
  });

  it('lists the job’s Greenhouse stages and Pilothouse’s stages as two groups, each only its own', () => {
    const html = picker(savedStageMapping(suggested, null));
    const groups = [...html.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/g)].map((m) => ({
      label: m[1],
      options: [...m[2]!.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((o) => o[1]),
    }));
    expect(groups).toEqual([
      {
        label: 'Greenhouse stages of this job',
        options: [
          'Application Review',
          'Phone Screen',
          'Onsite Interview',
          'Offer',
          'Take Home (retired) (inactive)',
        ],
      },
      {
        label: 'Pilothouse stages, through the saved stage mapping',
        options: [
          'Sourced (not linked yet)',
          'Matched (not linked yet)',
          'Approved (not linked yet)',
          'Exported, not saved (suggests Application Review)',
        ],
      },
    ]);
  });
});
