import { GraphQLScalarType, Kind } from 'graphql';
import { AppError } from '../errors/AppError';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2024-02-30 is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new AppError('BAD_USER_INPUT', `Invalid date ${JSON.stringify(value)}: expected YYYY-MM-DD`);
  }
  return value;
}

/** docs/conventions.md: dates are ISO YYYY-MM-DD strings. Kept as strings end to end (no time zone drift). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Calendar date, ISO 8601 YYYY-MM-DD',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parse(value);
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new AppError('BAD_USER_INPUT', 'Invalid date: expected a "YYYY-MM-DD" string');
    return parse(ast.value);
  },
});
