import { pregnancyFlagConsistent } from '../referral';

describe('referral rules (seed 003 §3.1)', () => {
  it('§3.1 a referral of an unborn minor is during pregnancy', () => {
    expect(pregnancyFlagConsistent('2024-03-01', true, { unborn: true, birthDate: null })).toBeNull();
    expect(pregnancyFlagConsistent('2024-03-01', false, { unborn: true, birthDate: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duringPregnancy' });
  });

  it('§3.1 once born, a referral during pregnancy precedes the birth date and one after it is not during pregnancy', () => {
    const born = { unborn: false, birthDate: '2024-05-01' };
    expect(pregnancyFlagConsistent('2024-04-30', true, born)).toBeNull();
    expect(pregnancyFlagConsistent('2024-05-01', false, born)).toBeNull();
    expect(pregnancyFlagConsistent('2024-05-01', true, born)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duringPregnancy' });
    expect(pregnancyFlagConsistent('2024-04-30', false, born)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duringPregnancy' });
  });
});
