/** Which organisation a person belongs to, decided from Slack team ids, never guessed from names. */
export type Side = 'vendor' | 'customer';

/** Whoever performs an action. `teamId` is the person's own team, which differs from ours in Slack Connect. */
export interface Actor {
  userId: string;
  teamId: string;
  side: Side;
}
