/** Trimmed text; blank or absent optional strings count as absent (null). */
export function optionalText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

/** The managing entity's tax code as stored: trimmed, upper-case, absent when blank. */
export function storedTaxCode(value: string | null | undefined): string | null {
  return optionalText(value)?.toUpperCase() ?? null;
}
