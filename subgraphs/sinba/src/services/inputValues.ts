/**
 * One field of an upsert or a partial update: the input's value when the
 * field is given (an explicit null clears it), otherwise the stored one
 * (null when nothing is stored).
 */
export function patchValue<V>(input: V | null | undefined, stored: V | null | undefined): V | null {
  return input !== undefined ? input : (stored ?? null);
}

/** An optional string input, trimmed; blank counts as absent (null). */
export function optional(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
