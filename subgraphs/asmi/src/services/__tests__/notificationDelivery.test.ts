import { subjectOf, subjectToken } from '../natsPublisher';
import { retryDelaySeconds } from '../notificationService';

describe('notification delivery (docs/architecture.md "Placement requests and notifications")', () => {
  it('retries with a doubling delay from the interval, at most 5 minutes', () => {
    expect(retryDelaySeconds(2000, 1)).toBe(2);
    expect(retryDelaySeconds(2000, 3)).toBe(8);
    expect(retryDelaySeconds(2000, 20)).toBe(300);
  });

  it('publishes on one subject per recipient, each a single NATS token', () => {
    expect(subjectOf('sirmi.notifications', { recipientKind: 'SERVICE', recipient: 'S-RM-01' })).toBe('sirmi.notifications.service.S-RM-01');
    expect(subjectOf('p', { recipientKind: 'STRUCTURE', recipient: 'RM.C 1*' })).toBe('p.structure.RM_C_1_');
    expect(subjectToken('a>b')).toBe('a_b');
  });
});
