// Extracts, from Greenhouse's Harvest v3 OpenAPI document, the shapes of the endpoints Pilothouse
// uses: property names, types, enums and required fields of each request body and response.
// The result is committed as test/unit/greenhouse/openapi-shapes.json; the contract test holds
// the sandbox's answers and the client's write schemas to it, so a renamed field or a changed
// enum fails CI without the project ever reading the OpenAPI document itself.
//
//   npx tsx scripts/extract-openapi-shapes.ts <path/to/harvest_v3.openapi.json> [output.json]
//
// Conventions, because the document has known defects:
// - Response schemas declare no `required` lists, yet Greenhouse returns every declared field
//   (null when empty) unless `fields=` narrows the answer. Response objects therefore list every
//   declared property as required.
// - `"type":"text"` (notes body) is read as string; OAS-3.0 `nullable: true` adds "null".
// - Empty property schemas (the `POST /v3/candidates` 201 body) are filled from the component
//   schema of the same name (`candidate`, `application`).
// - `if/then/else` (conditional requirements of notes) is not modelled.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Shape {
  types?: string[];
  enum?: (string | number | boolean | null)[];
  properties?: Record<string, Shape>;
  required?: string[];
  /** additionalProperties: false */
  closed?: boolean;
  /** Schema of every value of a map (additionalProperties: {...}). */
  values?: Shape;
  items?: Shape;
  /** oneOf/anyOf alternatives. */
  variants?: Shape[];
}

/** The endpoints Pilothouse calls (client methods and scope probes). */
export const endpointsWeUse = [
  'GET /v3/jobs',
  'GET /v3/job_posts',
  'GET /v3/job_interview_stages',
  'GET /v3/users',
  'GET /v3/user_job_permissions',
  'GET /v3/future_job_permissions',
  'GET /v3/user_roles',
  'GET /v3/job_owners',
  'GET /v3/job_hiring_managers',
  'GET /v3/candidates',
  'GET /v3/candidates/search',
  'POST /v3/candidates',
  'PATCH /v3/candidates/{id}',
  'GET /v3/applications',
  'POST /v3/applications',
  'PATCH /v3/applications/{id}',
  'POST /v3/applications/{id}/move',
  'POST /v3/applications/{id}/reject',
  'POST /v3/applications/{id}/unreject',
  'POST /v3/applications/{id}/hire',
  'POST /v3/applications/{id}/convert_to_candidate',
  'GET /v3/application_stages',
  'GET /v3/prospect_pools',
  'GET /v3/prospect_pool_stages',
  'GET /v3/prospect_details',
  'GET /v3/attachments',
  'POST /v3/attachments',
  'GET /v3/notes',
  'POST /v3/notes',
  'GET /v3/candidate_employments',
  'POST /v3/candidate_employments',
  'GET /v3/candidate_educations',
  'POST /v3/candidate_educations',
  'GET /v3/custom_field_options',
  'GET /v3/sources',
  'GET /v3/rejection_reasons',
  'GET /v3/close_reasons',
  'GET /v3/custom_fields',
  'GET /v3/departments',
  'GET /v3/offices',
] as const;

type Json = Record<string, unknown>;

function simplify(
  schema: unknown,
  components: Record<string, Json>,
  mode: 'body' | 'response',
  name?: string,
): Shape {
  let node = (schema ?? {}) as Json;
  if (typeof node.$ref === 'string') node = components[node.$ref.split('/').pop() as string] ?? {};
  if (Object.keys(node).length === 0 && name && components[name]) node = components[name];
  const shape: Shape = {};
  const rawTypes = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
  const types = rawTypes.map((type) => (type === 'text' ? 'string' : String(type)));
  if (node.nullable === true && !types.includes('null')) types.push('null');
  if (types.length > 0) shape.types = types;
  if (Array.isArray(node.enum)) shape.enum = node.enum as Shape['enum'];
  if (node.properties && typeof node.properties === 'object') {
    shape.properties = Object.fromEntries(
      Object.entries(node.properties as Record<string, unknown>).map(([key, value]) => [
        key,
        simplify(value, components, mode, key),
      ]),
    );
  }
  const declaredRequired = Array.isArray(node.required) ? (node.required as string[]) : undefined;
  if (declaredRequired) shape.required = declaredRequired;
  else if (mode === 'response' && shape.properties) shape.required = Object.keys(shape.properties);
  if (node.additionalProperties === false) shape.closed = true;
  else if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    shape.values = simplify(node.additionalProperties, components, mode);
  }
  if (node.items) shape.items = simplify(node.items, components, mode);
  const alternatives = (node.oneOf ?? node.anyOf) as unknown[] | undefined;
  if (Array.isArray(alternatives))
    shape.variants = alternatives.map((variant) => simplify(variant, components, mode));
  return shape;
}

export function extractShapes(document: Json) {
  const paths = document.paths as Record<string, Record<string, Json>>;
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const endpoints: Record<string, unknown> = {};
  for (const endpoint of endpointsWeUse) {
    const [method, path] = endpoint.split(' ') as [string, string];
    const operation = paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`${endpoint} is not in the OpenAPI document`);
    const security = (operation.security as Record<string, string[]>[] | undefined) ?? [];
    const scope = security.flatMap((entry) => entry.oauth2 ?? [])[0] ?? null;
    const params = ((operation.parameters as Json[] | undefined) ?? [])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name as string);
    const responses = operation.responses as Record<string, Json>;
    const success = Object.keys(responses).find((status) => status.startsWith('2')) as string;
    const content = (responses[success]?.content as Record<string, Json> | undefined)?.['application/json'];
    const requestBody = (operation.requestBody as Json | undefined)?.content as
      Record<string, Json> | undefined;
    endpoints[endpoint] = {
      scope,
      params,
      ...(requestBody?.['application/json']
        ? { body: simplify(requestBody['application/json'].schema, components, 'body') }
        : {}),
      response: {
        status: Number(success),
        ...(content?.schema ? { shape: simplify(content.schema, components, 'response') } : {}),
      },
    };
  }
  return {
    source: 'Greenhouse Harvest v3 OpenAPI 3.1 document (harvest_v3.openapi.json)',
    generatedBy: 'npx tsx scripts/extract-openapi-shapes.ts <openapi.json>',
    conventions: [
      'Response objects list every declared property as required (Greenhouse returns full records).',
      '"type":"text" is read as string; nullable:true adds "null".',
      'Empty property schemas are filled from the component schema of the same name.',
    ],
    endpoints,
  };
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
if (isMain) {
  const [input, output = 'test/unit/greenhouse/openapi-shapes.json'] = process.argv.slice(2);
  if (!input) {
    process.stderr.write(
      'usage: npx tsx scripts/extract-openapi-shapes.ts <harvest_v3.openapi.json> [output.json]\n',
    );
    process.exit(2);
  }
  const shapes = extractShapes(JSON.parse(readFileSync(input, 'utf8')) as Json);
  writeFileSync(output, `${JSON.stringify(shapes, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(shapes.endpoints).length} endpoint shapes to ${output}\n`);
}
