import { describe, expect, it } from 'vitest';
import { confirmationAfterSave, factsNotConfirmed } from './facts-confirmation.js';

const prefilled = { serviceType: 'Home Support' };
const AT = '2026-12-01T10:00:00.000Z';
const LATER = '2026-12-01T11:00:00.000Z';

describe('the confirmation of the facts from the provider record', () => {
  it('records who confirmed and when, with the values confirmed', () => {
    expect(confirmationAfterSave(null, prefilled, { serviceType: 'Home Support', beds: 3 }, true, 'olive', AT))
      .toEqual({ by: 'olive', at: AT, facts: { serviceType: 'Home Support' } });
  });

  it('keeps the first confirmation while the facts keep their values, whoever saves next', () => {
    const first = confirmationAfterSave(null, prefilled, { serviceType: 'Home Support' }, true, 'olive', AT);
    expect(confirmationAfterSave(first, prefilled, { serviceType: 'Home Support', beds: 4 }, true, 'sam', LATER)).toBe(first);
    expect(confirmationAfterSave(first, prefilled, { serviceType: 'Home Support' }, undefined, 'sam', LATER)).toBe(first);
  });

  it('is cleared when a pre-filled fact is changed or removed, and by unticking', () => {
    const first = confirmationAfterSave(null, prefilled, { serviceType: 'Home Support' }, true, 'olive', AT);
    expect(confirmationAfterSave(first, prefilled, { serviceType: 'Residential' }, undefined, 'olive', LATER)).toBeNull();
    expect(confirmationAfterSave(first, prefilled, {}, undefined, 'olive', LATER)).toBeNull();
    expect(confirmationAfterSave(first, prefilled, { serviceType: 'Home Support' }, false, 'olive', LATER)).toBeNull();
  });

  it('confirms a corrected value anew, recording the new values and time', () => {
    const first = confirmationAfterSave(null, prefilled, { serviceType: 'Home Support' }, true, 'olive', AT);
    expect(confirmationAfterSave(first, prefilled, { serviceType: 'Residential' }, true, 'olive', LATER))
      .toEqual({ by: 'olive', at: LATER, facts: { serviceType: 'Residential' } });
  });

  it('is nothing to confirm when nothing was filled from the provider record', () => {
    expect(confirmationAfterSave(null, {}, { serviceType: 'Home Support' }, true, 'olive', AT)).toBeNull();
  });
});

describe('a submission with facts from the provider record', () => {
  it('is refused while they are not confirmed, naming each fact and the value the draft gives it', () => {
    const refused = factsNotConfirmed({ prefilled: { serviceType: 'Home Support', beds: 3 }, factsConfirmed: null, draft: { facts: { serviceType: 'Residential' } } });
    expect(refused).toMatchObject({ status: 409, code: 'facts-not-confirmed' });
    expect(refused!.details).toEqual([
      { pointer: '/facts/beds', fact: 'beds', message: 'filled from the provider record (not recorded) and not confirmed by the officer' },
      { pointer: '/facts/serviceType', fact: 'serviceType', message: 'filled from the provider record ("Residential") and not confirmed by the officer' },
    ]);
  });

  it('may go ahead once confirmed, or when nothing was filled from the provider record', () => {
    expect(factsNotConfirmed({ prefilled: prefilled, factsConfirmed: { by: 'olive', at: AT, facts: prefilled }, draft: { facts: prefilled } })).toBeUndefined();
    expect(factsNotConfirmed({ prefilled: {}, factsConfirmed: null, draft: {} })).toBeUndefined();
  });
});
