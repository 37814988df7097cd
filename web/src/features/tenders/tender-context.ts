import type { MyBusinessDto, TenderDto } from "../../api/types";
import type { ConfirmTexts } from "../../confirm-dialog";
import type { Redraw } from "../../page";

/** What the parts of a tender's page share: the tender as last loaded, the viewer's businesses, the clock. */
export interface TenderContext {
  readonly tenderId: string;
  /** The tender as last loaded; null before the first load. */
  tender(): TenderDto | null;
  /** The signed-in user's businesses with their roles; empty when signed out. */
  mine(): readonly MyBusinessDto[];
  /** Takes the tender as an action returned it (the newest there is), and refreshes what depends on it. */
  accept(fresh: TenderDto): void;
  /** Loads the tender again, e.g. after a 409 told us that ours is out of date. */
  reload(): void;
  /** The time the countdowns show, ticking every second. */
  now(): number;
  /** Asks before an act that cannot be taken back (publishing, awarding): true once confirmed. */
  confirm(texts: () => ConfirmTexts): Promise<boolean>;
  redraw: Redraw;
}
