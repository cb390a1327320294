/**
 * Places of a structure on a day (issue 18 item 7): ordinary and emergency
 * guests against the ordinary and emergency places. ASMI's STRUCTURE_FULL
 * rule counts one pool (capacity + emergencyCapacity); this says how it is
 * used, so emergency guests beyond the emergency places (taking ordinary ones)
 * are visible instead of hidden in "8 su 10".
 */
export interface Places {
  readonly places: number;
  readonly occupied: number;
  readonly free: number;
  readonly ordinary: number;
  readonly emergency: number;
  /** Emergency guests beyond the emergency places. */
  readonly emergencyOver: number;
  readonly freeOrdinary: number;
  readonly freeEmergency: number;
}

export function placesOf(capacity: number, emergencyCapacity: number, kinds: readonly string[]): Places {
  const emergency = kinds.filter((k) => k === 'EMERGENCY').length;
  const ordinary = kinds.length - emergency;
  const emergencyOver = Math.max(0, emergency - emergencyCapacity);
  const ordinaryOver = Math.max(0, ordinary - capacity);
  const places = capacity + emergencyCapacity;
  return {
    places,
    occupied: kinds.length,
    free: Math.max(0, places - kinds.length),
    ordinary,
    emergency,
    emergencyOver,
    freeOrdinary: Math.max(0, capacity - ordinary - emergencyOver),
    freeEmergency: Math.max(0, emergencyCapacity - emergency - ordinaryOver),
  };
}
