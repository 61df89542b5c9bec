import type { Migration } from 'kysely';
import * as foundation from './20261122T0800_foundation';
import * as autopilot from './20261122T0900_autopilot';
import * as accounts from './20261122T1030_accounts';
import * as embeddingCache from './20261122T1115_embedding_cache';
import * as outreachEventIds from './20261203T0800_outreach_event_ids';
import * as erasedCandidates from './20261203T2300_erased_candidates';
import * as ruleRuntime from './20261203T2330_rule_runtime';
import * as jobBacktest from './20261204T0000_job_backtest';
import * as webhookBodyHash from './20261204T0010_webhook_body_hash';
import * as appSettings from './20261204T0020_app_settings';
import * as scoreChange from './20261204T0500_score_change';
import * as approvalReasons from './20261204T0510_approval_reasons';
import * as exportCreateAttempts from './20261204T1400_export_create_attempts';
import * as jobHiringTeam from './20261204T1430_job_hiring_team';
import * as greenhouseStanding from './20261204T1700_greenhouse_standing';
import * as greenhouseWebUrl from './20261204T1710_greenhouse_web_url';
import * as exportEmployments from './20261204T1800_export_employments';
import * as jobProspectPools from './20261204T1810_job_prospect_pools';
import * as personEducation from './20261204T2000_person_education';
import * as exportCandidateCreateAttempt from './20261205T1300_export_candidate_create_attempt';

// Every migration, keyed by its timestamped name; Kysely runs them in name order.
// Add new files here (one line each) — the list is static so bundled builds keep working.
export const migrations: Record<string, Migration> = {
  '20261122T0800_foundation': foundation,
  '20261122T0900_autopilot': autopilot,
  '20261122T1030_accounts': accounts,
  '20261122T1115_embedding_cache': embeddingCache,
  '20261203T0800_outreach_event_ids': outreachEventIds,
  '20261203T2300_erased_candidates': erasedCandidates,
  '20261203T2330_rule_runtime': ruleRuntime,
  '20261204T0000_job_backtest': jobBacktest,
  '20261204T0010_webhook_body_hash': webhookBodyHash,
  '20261204T0020_app_settings': appSettings,
  '20261204T0500_score_change': scoreChange,
  '20261204T0510_approval_reasons': approvalReasons,
  '20261204T1400_export_create_attempts': exportCreateAttempts,
  '20261204T1430_job_hiring_team': jobHiringTeam,
  '20261204T1700_greenhouse_standing': greenhouseStanding,
  '20261204T1710_greenhouse_web_url': greenhouseWebUrl,
  '20261204T1800_export_employments': exportEmployments,
  '20261204T1810_job_prospect_pools': jobProspectPools,
  '20261204T2000_person_education': personEducation,
  '20261205T1300_export_candidate_create_attempt': exportCandidateCreateAttempt,
};
