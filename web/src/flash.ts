/** A one-shot message carried to the next page (e.g. "Admission recorded" on the placement page). */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
