import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Search attributes every Pilothouse workflow carries, so ops can find runs in the Temporal UI
// ("all exports for job 4012 that failed"). The dev server registers them at start-up; a cluster
// operator registers them once with `temporal operator search-attribute create` (see README).
export const JOB_ID = defineSearchAttributeKey('PilothouseJobId', SearchAttributeType.KEYWORD);
export const PERSON_ID = defineSearchAttributeKey('PilothousePersonId', SearchAttributeType.KEYWORD);
export const WORKFLOW_KIND = defineSearchAttributeKey('PilothouseKind', SearchAttributeType.KEYWORD);
export const OUTCOME = defineSearchAttributeKey('PilothouseOutcome', SearchAttributeType.KEYWORD);

export const ALL_SEARCH_ATTRIBUTES = [JOB_ID, PERSON_ID, WORKFLOW_KIND, OUTCOME];

export function searchAttributeFlags(): string[] {
  return ALL_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${cliType(key.type)}`]);
}

function cliType(type: SearchAttributeType): string {
  switch (type) {
    case SearchAttributeType.KEYWORD:
      return 'Keyword';
    case SearchAttributeType.TEXT:
      return 'Text';
    case SearchAttributeType.INT:
      return 'Int';
    case SearchAttributeType.DOUBLE:
      return 'Double';
    case SearchAttributeType.BOOL:
      return 'Bool';
    case SearchAttributeType.DATETIME:
      return 'Datetime';
    case SearchAttributeType.KEYWORD_LIST:
      return 'KeywordList';
  }
}
