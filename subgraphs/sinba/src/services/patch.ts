/**
 * One field of an upsert or a partial update: the input's value when the
 * field is given (an explicit null clears it), otherwise the stored one
 * (null when nothing is stored).
 */
export function patchValue<V>(input: V | null | undefined, stored: V | null | undefined): V | null {
  return input !== undefined ? input : (stored ?? null);
}
