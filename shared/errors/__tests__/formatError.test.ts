import pino from 'pino';
import { createFormatError, fieldOfVariableError } from '../formatError';

describe('variable-coercion errors name the offending field (docs/conventions.md: BAD_USER_INPUT with extensions.field)', () => {
  it('reads the path inside a mutation input, or the whole path from another variable', () => {
    expect(fieldOfVariableError('Variable "$input" got invalid value "2024-02-30" at "input.endDate"; Expected type "Date". Not a valid date')).toBe('endDate');
    expect(fieldOfVariableError('Variable "$input" got invalid value "X" at "input.otherIdentifier.kind"; Value "X" does not exist in "OtherIdentifierKind" enum.')).toBe('otherIdentifier.kind');
    expect(fieldOfVariableError('Variable "$filter" got invalid value "2024-13-01" at "filter.startedFrom"; Expected type "Date".')).toBe('filter.startedFrom');
    expect(fieldOfVariableError('Variable "$on" got invalid value "tomorrow"; Expected type "Date".')).toBe('on');
    expect(fieldOfVariableError('The end date precedes the start date')).toBeUndefined();
  });

  it('adds the field to a BAD_USER_INPUT that has none, and leaves a service-given field alone', () => {
    const format = createFormatError(pino({ level: 'silent' }));
    const coerced = format({ message: 'Variable "$input" got invalid value "2024-02-30" at "input.endDate"; Expected type "Date".', extensions: { code: 'BAD_USER_INPUT' } }, null);
    expect(coerced.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'endDate' });
    const fromService = format({ message: 'Variable "$input" looks odd; whatever', extensions: { code: 'BAD_USER_INPUT', field: 'startDate' } }, null);
    expect(fromService.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'startDate' });
  });
});

describe('variable errors carry no personal data (house rule: no names or fiscal codes in errors)', () => {
  it('replaces the quoted value with the field name and keeps the reason', () => {
    const { scrubVariableMessage } = jest.requireActual('../formatError') as typeof import('../formatError');
    expect(scrubVariableMessage('Variable "$input" got invalid value { fiscalCode: "RSSMRA80A01H501U", firstName: "Anna" }; Field "sex" of required type "Sex!" was not provided.')).toBe(
      'Invalid value for input: Field "sex" of required type "Sex!" was not provided.',
    );
    expect(scrubVariableMessage('Variable "$input" got invalid value "Anna" at "input.sex"; Value "Anna" does not exist in "Sex" enum.')).toBe('Invalid value for sex: Value "…" does not exist in "Sex" enum.');
    expect(scrubVariableMessage('Variable "$input" got invalid value 12 at "input.firstName"; String cannot represent a non string value: 12')).toBe('Invalid value for firstName: String cannot represent a non string value.');
    expect(scrubVariableMessage('The end date precedes the start date')).toBeUndefined();
  });
});
