import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env.js';
import { packJsonSchema } from '../engine/index.js';
import { importBodySchema } from '../providers/schemas.js';
import type { TokenScope } from '../auth/scopes.js';
import type { Access } from '../routes/access.js';
import { idempotencyKeyParameter } from '../routes/define-route.js';

export type { Access } from '../routes/access.js';

/** One served route as its declaration states it: method, OpenAPI path, access level and success status. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/api/councils/{council}`. */
  path: string;
  access: Access;
  /** The API token scope the route needs (null: any token, or none). */
  scope: TokenScope | null;
  status: number;
}

/** Every route declared on `app` (with `defineRoute`), in declaration order. */
export function declaredRoutes(app: OpenAPIHono<AppEnv>): RouteSpec[] {
  return app.openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const route = d.route as unknown as { method: RouteSpec['method']; path: string; 'x-access': Access; 'x-scope': TokenScope | null; responses: Record<string, unknown> };
    const status = Number(Object.keys(route.responses).find((code) => code.startsWith('2')) ?? 200);
    return [{ method: route.method, path: route.path, access: route['x-access'], scope: route['x-scope'], status }];
  });
}

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
    trace: { type: 'array', items: { type: 'object' }, description: 'The explanation in words, as determinations made before format 2 carried it (never made now).' },
    explanation: {
      type: 'object',
      description: 'The explanation as data (format 3; 2 before it): per decision instance its rules in order, and each condition leaf\'s value and wanted value; `fired` / `holds` are written only when true (format 2 also wrote them false); words are made from it with the pack (engine explainDetermination).',
      properties: {
        format: { type: 'integer', enum: [2, 3] },
        judgements: { type: 'array', items: { type: ['string', 'null'] } },
        entries: { type: 'array', items: { type: 'object', required: ['kind', 'of'], properties: { kind: { type: 'string' }, of: { type: 'string' } } } },
      },
    },
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

/**
 * The OpenAPI 3.1 document of the routes declared on `app` (see `defineRoute`), with the
 * engine's pack JSON Schema as a component (OpenAPI 3.1 schemas are JSON Schema 2020-12, so the
 * pack schema is used as is). Every operation carries its access level as `x-access` and the
 * API token scope it needs as `x-scope`; every write documents `Idempotency-Key`.
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>, version = '0.1.0'): Record<string, unknown> {
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'OpenQAF API',
      version,
      description:
        "Councils' adult social care quality assurance frameworks as versioned rule packs: publish packs, record assessments, get determinations that can be explained and reproduced.",
      license: { name: 'MIT', identifier: 'MIT' } as { name: string },
    },
    security: [{ session: [] }, { bearer: [] }],
  }) as unknown as Record<string, unknown> & { components?: Record<string, Record<string, unknown>> };
  return {
    ...doc,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      ...doc.components,
      parameters: { ...doc.components?.parameters, IdempotencyKey: idempotencyKeyParameter },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'qaf_session', description: 'From POST /api/auth/login; unsafe methods also need X-CSRF-Token.' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/auth/tokens: its rights are its user\'s roles limited to its scopes (read: viewer actions; write: officer and council admin actions; admin: tokens, passwords, members, platform administration).' },
      },
      schemas: {
        ...doc.components?.schemas,
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
