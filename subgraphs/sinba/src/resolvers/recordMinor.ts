import type { SinbaContext } from '../context';
import type { MinorEntity } from '../entities/Minor';

/**
 * A minor a record refers to, where the SDL says `Minor!`. The foreign key
 * guarantees the row (minors are never deleted), so a missing one is a broken
 * invariant and an error, as GraphQL made of the null before.
 */
export async function referredMinor(ctx: SinbaContext, minorId: string): Promise<MinorEntity> {
  const minor = await ctx.loaders.minorById.load(minorId);
  if (!minor) throw new Error('A record refers to a minor that does not exist');
  return minor;
}

/** `minor` of a record (case, intervention, referral, health data, family record...). */
export const minorOf = (record: { readonly minorId: string }, _args: unknown, ctx: SinbaContext): Promise<MinorEntity> => referredMinor(ctx, record.minorId);
