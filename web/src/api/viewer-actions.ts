// What a snapshot says its viewer may do (server: ViewerActions<TAction>): the actions allowed now, and those the
// viewer is entitled to but that are blocked now, each blocker a refusal's code and arguments that i18n/refusals
// translates. An action in neither list is not the viewer's to take.

export interface ViewerActions<A extends string, C extends string = string> {
  allowed: A[];
  blocked: { action: A; code: C; args: Record<string, string> }[];
}

export const allows = <A extends string>(actions: ViewerActions<A>, action: A): boolean => actions.allowed.includes(action);

/** The viewer takes part in the action: allowed, or blocked for now. */
export const offers = <A extends string>(actions: ViewerActions<A>, action: A): boolean =>
  allows(actions, action) || actions.blocked.some((b) => b.action === action);

/** Every reason the action is blocked now, in the server's order (its command answers with the first). */
export const blockersOf = <A extends string, C extends string>(actions: ViewerActions<A, C>, action: A): { code: C; args: Record<string, string> }[] =>
  actions.blocked.filter((b) => b.action === action);
