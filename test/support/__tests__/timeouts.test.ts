import { scaledTimeout } from '../timeouts';

describe('scaledTimeout', () => {
  const saved = process.env.TEST_TIMEOUT_FACTOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.TEST_TIMEOUT_FACTOR;
    else process.env.TEST_TIMEOUT_FACTOR = saved;
  });
  it('is never below the base and grows with TEST_TIMEOUT_FACTOR', () => {
    delete process.env.TEST_TIMEOUT_FACTOR;
    const base = scaledTimeout(30_000);
    expect(base).toBeGreaterThanOrEqual(30_000);
    process.env.TEST_TIMEOUT_FACTOR = '3';
    expect(scaledTimeout(30_000)).toBeGreaterThanOrEqual(90_000);
    expect(scaledTimeout(30_000)).toBeLessThanOrEqual(600_000);
  });
});
