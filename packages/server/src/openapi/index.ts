import { packJsonSchema } from '../engine/index.js';
import { importBodySchema } from '../providers/schemas.js';
import { ROUTES } from './routes.js';
import type { RouteSpec } from './routes.js';

export { ROUTES } from './routes.js';
export type { RouteSpec, Access } from './routes.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string', description: 'Stable machine-readable code, e.g. not-found, conflict, invalid-body.' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              pointer: { type: 'string', description: 'JSON pointer into the body (or query) that is wrong.' },
              message: { type: 'string' },
              line: { type: 'integer' },
              column: { type: 'integer' },
              row: { type: 'integer' },
            },
          },
        },
      },
    },
  },
} as const;

const determinationSchema = {
  type: 'object',
  description: "The engine's output, stored with the hash of the pack version that made it.",
  required: ['pack', 'asOf', 'headline', 'decisions', 'actions', 'schedule', 'interpretations'],
  properties: {
    pack: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' }, hash: { type: 'string' } } },
    asOf: { type: 'string', format: 'date' },
    assessmentDate: { type: 'string', format: 'date' },
    headline: { type: 'object', properties: { decision: { type: 'string' }, value: {}, scale: { type: 'string' } } },
    decisions: { type: 'object', additionalProperties: true },
    actions: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, owner: { type: 'string' }, due: { type: 'string', format: 'date' }, source: { type: 'string' } } },
    },
    schedule: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, activity: { type: 'string' }, label: { type: 'string' }, nextDue: { type: 'string', format: 'date' }, everyMonths: { type: 'number' } } },
    },
    scores: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
    interpretations: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, note: { type: 'string' } } } },
    trace: { type: 'array', items: { type: 'object' } },
  },
};

const packVersionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    councilId: { type: 'string' },
    seq: { type: 'integer' },
    version: { type: 'string' },
    hash: { type: 'string', description: 'sha256 of the canonical pack JSON' },
    author: { type: ['string', 'null'] },
    note: { type: 'string' },
    publishedAt: { type: 'string', format: 'date-time' },
    effectiveFrom: { type: 'string', format: 'date' },
    basedOn: { type: ['string', 'null'] },
    acknowledged: { type: 'array', description: 'Analysis findings acknowledged at publication' },
  },
};

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Malformed JSON (with line and column) or request',
  '401': 'Not signed in',
  '403': 'Lacks the role, or a session request without its CSRF token',
  '404': 'Unknown council, provider, version or assessment',
  '409': 'Edit conflict: the thing changed since it was read',
  '413': 'Body too large',
  '422': 'Body or query fails its schema (details carry JSON pointers)',
};

function operation(route: RouteSpec) {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const query = Object.entries(route.query ?? {}).map(([name, description]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: { type: 'string' },
  }));
  const headers = route.ifMatch
    ? [{ name: 'If-Match', in: 'header', required: route.ifMatch === 'required', description: 'ETag of the revision edited, e.g. "3"', schema: { type: 'string' } }]
    : [];
  let requestBody: unknown;
  if (route.body === 'pack') {
    requestBody = { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pack' } } } };
  } else if (route.body === 'csv-or-json') {
    requestBody = {
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/ProviderImport' } },
        'text/csv': { schema: { type: 'string' } },
      },
    };
  } else if (route.body) {
    requestBody = { required: true, content: { 'application/json': { schema: route.body } } };
  }
  const status = String(route.status ?? 200);
  const success =
    status === '204'
      ? { description: 'Done' }
      : {
          description: 'Success',
          content: route.path.endsWith('/export')
            ? { 'text/csv': { schema: { type: 'string' } } }
            : { 'application/json': { schema: route.response ? { $ref: `#/components/schemas/${route.response}` } : { type: 'object' } } },
        };
  return {
    tags: [route.tag],
    summary: route.summary,
    description: `Access: ${route.access}.`,
    'x-access': route.access,
    ...(route.access === 'public' ? { security: [] } : {}),
    parameters: [...params, ...query, ...headers],
    ...(requestBody ? { requestBody } : {}),
    responses: {
      [status]: success,
      ...Object.fromEntries(
        Object.entries(ERROR_STATUSES).map(([code, description]) => [
          code,
          { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ]),
      ),
      ...(route.rateLimited
        ? {
            '429': {
              description: 'Too many failed attempts for this email or from this address: wait Retry-After seconds',
              headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          }
        : {}),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the API, built from the route table and the engine's pack
 * JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12, so the pack schema is used as is).
 */
export function buildOpenApi(version = '0.1.0'): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'OpenQAF API',
      version,
      description:
        "Councils' adult social care quality assurance frameworks as versioned rule packs: publish packs, record assessments, get determinations that can be explained and reproduced.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'qaf_session', description: 'From POST /api/auth/login; unsafe methods also need X-CSRF-Token.' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/auth/tokens: its rights are its user\'s roles limited to its scopes (read: viewer actions; write: officer and council admin actions; admin: tokens, passwords, members, platform administration).' },
      },
      schemas: {
        Pack: packJsonSchema,
        Determination: determinationSchema,
        Error: errorSchema,
        PackVersion: packVersionSchema,
        PackVersionWithPack: { allOf: [{ $ref: '#/components/schemas/PackVersion' }, { type: 'object', properties: { pack: { $ref: '#/components/schemas/Pack' } } }] },
        StoredAssessment: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            providerId: { type: 'string' },
            date: { type: 'string', format: 'date' },
            packVersion: { type: 'string' },
            packHash: { type: 'string' },
            determination: { $ref: '#/components/schemas/Determination' },
          },
        },
        ProviderImport: importBodySchema,
      },
    },
  };
}
