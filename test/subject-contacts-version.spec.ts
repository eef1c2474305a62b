import { SUBJECT_CONTACTS_VERSION } from '#ltc/audit';
import { LTC_CONTEXTS } from '#ltc/engine';
import { typesWithContactMethods } from '#ltc/personal-data';

/**
 * The data-subject contact index receives only the event types declared to hold an email or
 * phone. When a context declares another, the index must replay (a version bump), or the
 * older events of that type would never be found by `GET /data-subjects?email=`.
 */
const DECLARED_AT_VERSION: Record<number, readonly string[]> = {
  1: ['LeadCaptured', 'LeadContactChanged'],
  // 2: a ticket's contact.
  2: ['LeadCaptured', 'LeadContactChanged', 'TicketAccepted'],
};

describe('the data-subject contact index', () => {
  it('is at the version that matches the event types declaring contact methods', () => {
    expect(LTC_CONTEXTS.length).toBeGreaterThan(0);
    const declared = typesWithContactMethods();
    const pinned = DECLARED_AT_VERSION[SUBJECT_CONTACTS_VERSION];
    if (JSON.stringify(pinned) !== JSON.stringify(declared)) {
      throw new Error(
        `Contact methods are now declared on ${declared.join(', ')}: bump SUBJECT_CONTACTS_VERSION ` +
          `(libs/audit/src/data-subjects/subject-contacts.projection.ts) and pin the list here under the new version`,
      );
    }
  });
});
