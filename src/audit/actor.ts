/** Who makes a change: a signed-in user, or a person holding a signed link. */
export interface Actor {
  label: string;
  userId: string | null;
}

export const userActor = (user: { id: string; email: string }): Actor => ({ label: user.email, userId: user.id });
export const linkActor = (linkId: string): Actor => ({ label: `link:${linkId}`, userId: null });
