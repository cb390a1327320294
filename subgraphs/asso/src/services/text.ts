/** Trimmed text; blank or absent optional strings count as absent (null). */
export function optionalText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}
