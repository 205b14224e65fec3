import { describe, expect, it } from 'vitest';
import type { Me } from './api-types.js';
import { can, roleIn } from './roles.js';

const me = (roles: Me['roles'], platformAdmin = false): Me => ({ user: { id: 'u', email: 'u@x', name: 'U', platformAdmin }, roles, csrfToken: 't' });

describe('roles', () => {
  it('lets a council admin do what an officer and a viewer may', () => {
    expect(can(me({ bolton: 'council-admin' }), 'bolton', 'officer')).toBe(true);
    expect(can(me({ bolton: 'council-admin' }), 'bolton', 'viewer')).toBe(true);
  });

  it('keeps a viewer from editing and from another council entirely', () => {
    expect(can(me({ bolton: 'viewer' }), 'bolton', 'council-admin')).toBe(false);
    expect(can(me({ bolton: 'viewer' }), 'bolton', 'officer')).toBe(false);
    expect(roleIn(me({ bolton: 'viewer' }), 'birmingham')).toBeUndefined();
  });

  it('treats a platform admin as council admin of every council and nobody as no one', () => {
    expect(roleIn(me({}, true), 'herefordshire')).toBe('council-admin');
    expect(can(undefined, 'bolton', 'viewer')).toBe(false);
  });
});
