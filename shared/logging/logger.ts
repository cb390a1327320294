import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs (pino). They carry request ids, operation names, minor
 * ids and pseudonyms, never people: names, fiscal codes, free text and
 * variables are never logged (house habit 11). `redact` is a second net for
 * keys that must never appear even if a caller slips.
 */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: {
      paths: ['*.fiscalCode', '*.firstName', '*.lastName', '*.variables', '*.authorization', '*.token', 'req.headers.authorization', '*.findings', '*.notes'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
