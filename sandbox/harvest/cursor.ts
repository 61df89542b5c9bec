import { harvestError } from '../http/reply';
import { cursorAloneMessage } from './list-query';

/**
 * The cursor carries the whole original query (it must travel alone), the endpoint it belongs
 * to, and the id the next page starts below (results come in descending id order).
 */
interface CursorContent {
  path: string;
  query: string;
  before: number;
}

export function encodeCursor(content: CursorContent): string {
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

/**
 * Resolves the effective query of a list request: the request's own, or the one inside its
 * cursor. A cursor with any other parameter is refused exactly as Greenhouse refuses it.
 */
export function resolveListQuery(
  path: string,
  query: URLSearchParams,
): { query: URLSearchParams; before?: number } {
  const cursor = query.get('cursor');
  if (cursor === null) return { query };
  if ([...query.keys()].some((key) => key !== 'cursor') || query.getAll('cursor').length > 1) {
    throw harvestError(422, cursorAloneMessage);
  }
  let content: CursorContent;
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorContent;
  } catch {
    throw harvestError(422, 'The cursor is invalid.');
  }
  if (typeof content?.before !== 'number' || typeof content.query !== 'string' || content.path !== path) {
    throw harvestError(422, 'The cursor is invalid for this endpoint.');
  }
  return { query: new URLSearchParams(content.query), before: content.before };
}

export function nextLink(origin: string, path: string, query: URLSearchParams, before: number): string {
  const cursor = encodeCursor({ path, query: query.toString(), before });
  return `<${origin}${path}?cursor=${cursor}>; rel="next"`;
}
