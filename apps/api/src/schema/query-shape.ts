/**
 * Helpers for the selection Pothos plans for a Prisma query: an empty selection made valid, and a
 * list answered without asking the database.
 */

/** The errors plugin may plan an empty selection (client asked only for __typename). */
export function nonEmpty<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ select: { id: true } } as Q) : query;
}

/**
 * The answer of a list resolver that knows without asking the database that there is nothing
 * (e.g. a user who supervises no team). The selection Pothos planned for it counts as used:
 * development's unused-query check would otherwise fail the request (issue 14: 7).
 */
export function noRows(query: object): [] {
  void { ...query };
  return [];
}
