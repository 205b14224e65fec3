import type { JsonSchema } from '../request-body.js';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from './api-tokens.js';
import { TOKEN_SCOPES } from './scopes.js';

const email = { type: 'string', format: 'email', maxLength: 320 } as const;
const password = { type: 'string', minLength: 12, maxLength: 1024, description: 'At least 12 characters.' } as const;
const role = { type: 'string', enum: ['council-admin', 'officer', 'viewer'] } as const;

/** Body of `POST /api/auth/login`. */
export const loginBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
};

/** Body of `POST /api/auth/password`. */
export const changePasswordBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: { type: 'string', maxLength: 1024 }, newPassword: password },
};

/** Body of `POST /api/auth/tokens`. */
export const tokenBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    scopes: {
      type: 'array',
      items: { type: 'string', enum: [...TOKEN_SCOPES] },
      minItems: 1,
      uniqueItems: true,
      description: 'What the token may be used for: read, write, admin (docs/roles.md#api-token-scopes). Default: every scope of the caller.',
    },
    expiresAt: {
      type: 'string',
      format: 'date-time',
      description: `When the token stops working: in the future, at most ${MAX_TOKEN_DAYS} days ahead, and never after the token making it. Default: ${DEFAULT_TOKEN_DAYS} days.`,
    },
    expiresInDays: { type: 'integer', minimum: 1, maximum: MAX_TOKEN_DAYS, description: 'Instead of expiresAt: days from now.' },
  },
};

/** Body of `POST /api/users`. */
export const createUserBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email,
    name: { type: 'string', maxLength: 200 },
    password,
    platformAdmin: { type: 'boolean' },
    roles: { type: 'object', additionalProperties: role, description: 'Council id -> role.' },
  },
};

/** Body of `PUT /api/councils/{council}/members/{userId}`. */
export const memberBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['role'],
  properties: { role },
};

/** Body of `PATCH /api/users/{id}`: only the fields to change, at least one. */
export const updateUserBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', maxLength: 200 },
    disabled: { type: 'boolean', description: 'true signs the user out everywhere and revokes their API tokens; false lets them back in.' },
    platformAdmin: { type: 'boolean' },
  },
};

/** Body of `POST /api/users/{id}/password`. */
export const resetPasswordBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['password'],
  properties: { password },
};

/** Body of `POST /api/auth/password-reset`: the one-time code an admin handed over, and the new password. */
export const useResetBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'newPassword'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: password },
};

/** Body of `PATCH /api/councils/{council}/members/{userId}`: disable or re-enable the member's account. */
export const memberAccountBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['disabled'],
  properties: {
    disabled: { type: 'boolean', description: 'true signs the user out everywhere and revokes their API tokens; false lets them back in.' },
  },
};
