/** A problem with what the user asked; the message is safe and helpful to show them. */
export class QueryError extends Error {
  override name = 'QueryError';
}
