/** Which channel may carry the full breach card (annex 2b holds personal data). */
import { privacyChannelVerdict } from '../../../src/domain/datalek';

const audience = { privacyOfficers: ['fatima@igj.example', 'johan@cibg.example'], owners: ['beheer@x.example'] };
const member = (email: string) => ({ displayName: email.split('@')[0], email, roles: [] as string[] });

it('gives the full card only to a private channel of privacy officers and owners', () => {
  expect(
    privacyChannelVerdict(
      { ok: true, membershipType: 'private', members: [member('fatima@igj.example'), member('JOHAN@cibg.example'), member('beheer@x.example')] },
      audience,
    ),
  ).toEqual({ full: true });
});

it('refuses a standard or shared channel, a stranger, a channel without officers, and one that could not be read', () => {
  const standard = privacyChannelVerdict({ ok: true, membershipType: 'standard', members: [] }, audience);
  expect(standard).toMatchObject({ full: false, readable: true, reason: expect.stringMatching(/niet privé \(standard\)/) });
  const shared = privacyChannelVerdict({ ok: true, membershipType: 'shared', members: [member('fatima@igj.example')] }, audience);
  expect(shared.full).toBe(false);
  const stranger = privacyChannelVerdict(
    { ok: true, membershipType: 'private', members: [member('fatima@igj.example'), member('sanne@igj.example')] },
    audience,
  );
  expect(stranger).toMatchObject({ full: false, reason: expect.stringMatching(/geen privacy officer of eigenaar zijn: sanne/) });
  const noOfficer = privacyChannelVerdict({ ok: true, membershipType: 'private', members: [member('beheer@x.example')] }, audience);
  expect(noOfficer).toMatchObject({ full: false, reason: expect.stringMatching(/geen privacy officer is lid/) });
  const unread = privacyChannelVerdict({ ok: false, reason: 'Graph 403' }, audience, 'en');
  expect(unread).toEqual({ full: false, readable: false, reason: 'the channel could not be checked (Graph 403)' });
});
