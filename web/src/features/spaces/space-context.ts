import type { SpaceDetailDto } from "../../api/types";
import type { Redraw } from "../../page";

/** What the parts of a space's page share: the space as last loaded, and how to refresh it. */
export interface SpaceContext {
  readonly spaceId: string;
  /** The space as last loaded; null before the first load. */
  detail(): SpaceDetailDto | null;
  /** Takes the space as an action returned it, and reloads what depends on it (members, the admins' lists). */
  accept(fresh: SpaceDetailDto): void;
  /** Loads the space and its lists again, e.g. after a 409 told us that ours are out of date. */
  reload(): Promise<void>;
  redraw: Redraw;
}
