import type { QueryPlan } from '@apollo/query-planner';
import { prettyFormatQueryPlan } from '@apollo/query-planner';

/**
 * Observers of the query plans the gateway executes (tests prove what is
 * fetched from subgraphs): `didResolveQueryPlan` is handed to
 * @apollo/gateway and prints a plan only when someone listens.
 */
export interface PlanListeners {
  didResolveQueryPlan(options: { readonly queryPlan: QueryPlan }): void;
  /** Adds a listener; returns the function that removes it. */
  add(listener: (plan: string) => void): () => void;
}

export function createPlanListeners(): PlanListeners {
  const listeners = new Set<(plan: string) => void>();
  return {
    didResolveQueryPlan: ({ queryPlan }) => {
      if (listeners.size === 0) return;
      const printed = prettyFormatQueryPlan(queryPlan);
      for (const l of listeners) l(printed);
    },
    add: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
