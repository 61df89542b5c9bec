/**
 * Table-driven routing: each surface (Harvest, token, control, files) is a list of
 * `{method, pattern, ...}` rows; patterns use `:name` segments.
 */
export interface RouteRow {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  pattern: string;
}

export interface RouteMatch<R extends RouteRow> {
  route: R;
  params: Record<string, string>;
}

export type RouteLookup<R extends RouteRow> =
  { found: true; match: RouteMatch<R> } | { found: false; allowedMethods: string[] };

export function createRouter<R extends RouteRow>(
  routes: readonly R[],
): (method: string, path: string) => RouteLookup<R> {
  const compiled = routes.map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }));
  return (method, path) => {
    const parts = path.split('/').filter(Boolean);
    const allowedMethods: string[] = [];
    for (const { route, segments } of compiled) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      if (route.method === method) return { found: true, match: { route, params } };
      allowedMethods.push(route.method);
    }
    return { found: false, allowedMethods };
  };
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string;
    const part = parts[index] as string;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(part);
    else if (segment !== part) return undefined;
  }
  return params;
}
