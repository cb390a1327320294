/** The registry fields of a structure as rebuilt from its change log. */
export interface StructureSnapshotFields {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly municipality: string;
  readonly province: string;
  readonly address: string | null;
  readonly managingEntity: string | null;
  readonly capacity: number;
  readonly emergencyCapacity: number;
  readonly minAge: number | null;
  readonly maxAge: number | null;
  readonly healthAuthority: string | null;
  readonly gender: string | null;
  readonly target: string | null;
  readonly phone: string | null;
  readonly publicEmail: string | null;
  readonly description: string | null;
}

/**
 * seed 002 Allegato A §a point d ("interrogazioni storiche"): the structure
 * as it was at the end of a date is its INSERT change followed by every
 * UPDATE effective by then, applied in order (each change holds the new
 * value of the columns it changed). Null when it was not registered yet (or
 * deleted by then).
 */
export function rebuildStructure(changes: readonly { operation: string; changes: Record<string, { to: unknown }> }[]): StructureSnapshotFields | null {
  let row: Record<string, unknown> | null = null;
  for (const c of changes) {
    if (c.operation === 'DELETE') {
      row = null;
      continue;
    }
    if (c.operation === 'INSERT') row = {};
    if (row === null) continue;
    for (const [column, diff] of Object.entries(c.changes)) row[column] = diff.to;
  }
  if (row === null) return null;
  const municipality = String(row.municipality ?? '');
  return {
    code: String(row.code),
    name: String(row.name),
    type: String(row.type),
    municipality,
    province: municipality.slice(0, 3),
    address: (row.address as string | null) ?? null,
    managingEntity: (row.managing_entity as string | null) ?? null,
    capacity: Number(row.capacity),
    emergencyCapacity: Number(row.emergency_capacity ?? 0),
    minAge: row.min_age == null ? null : Number(row.min_age),
    maxAge: row.max_age == null ? null : Number(row.max_age),
    // columns added by migration 1733000000000: absent from older changes, so null until first set
    healthAuthority: text(row.health_authority),
    gender: text(row.gender),
    target: text(row.target),
    phone: text(row.phone),
    publicEmail: text(row.public_email),
    description: text(row.description),
  };
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}

/** One change of the structure row, with both time axes. */
export interface TimedStructureChange {
  readonly operation: string;
  /** Valid time: the day the change takes effect in the registry. */
  readonly effectiveDate: string;
  readonly changes: Record<string, { to: unknown }>;
}

/**
 * seed 002 (Lazio DGR 527/2021) Allegato A §a point d, "interrogazioni
 * storiche", in valid time: the structure as it was in force at the end of
 * `date`, consistent with `Structure.statusOn` (which reads the acts in
 * force on the date, whenever they were recorded).
 *
 * A structure exists in the registry from the earliest of its registration's
 * effective day and the issue and validity dates of its acts: a structure
 * registered today with an authorisation valid since 2020 existed in 2020,
 * and its registered values are the best knowledge of that time. Before that
 * day: null. Updates apply from their effective date (the day they were
 * made; an update is not backdated). The changes given are those the caller
 * chose for the recording axis (all of them, or those recorded by a day).
 */
export function structureInForce(
  changes: readonly TimedStructureChange[],
  acts: readonly { date: string; validFrom: string }[],
  date: string,
): StructureSnapshotFields | null {
  const insert = changes.find((c) => c.operation === 'INSERT');
  if (!insert) return null;
  const existsFrom = [insert.effectiveDate, ...acts.flatMap((a) => [a.date, a.validFrom])].reduce((a, b) => (b < a ? b : a));
  if (date < existsFrom) return null;
  return rebuildStructure(changes.filter((c) => c.operation === 'INSERT' || c.effectiveDate <= date));
}
