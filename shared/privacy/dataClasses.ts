/**
 * Data classes of docs/privacy.md §2. Every field carrying data about a minor is
 * tagged with exactly one, in the SDL where the field is defined, with
 * `@dataClass(class: X)`; the tag is composed into the supergraph with
 * `@composeDirective` and read by the gateway's policy.
 */
export const DATA_CLASSES = [
  'IDENTITY',
  'DEMOGRAPHIC',
  'CASE',
  'HEALTH',
  'ABUSE',
  'JUDICIAL',
  'PLACEMENT',
  'CARE_OBSERVATION',
  'PSEUDONYM',
  'REGISTRY',
  'PUBLIC',
  'AUDIT',
] as const;

export type DataClass = (typeof DATA_CLASSES)[number];

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}
