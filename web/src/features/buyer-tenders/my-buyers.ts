// The buyers the signed-in user acts for, wherever they are in the app: the header offers "my tenders" to them only.
import { api } from "../../api/client";
import type { MyBusinessDto } from "../../api/types";
import type { Redraw } from "../../page";
import { currentUser } from "../auth/session";

let buyers: MyBusinessDto[] = [];
let generation = 0;

/** The user's businesses of kind Buyer, whatever their role (none until they are known). */
export const myBuyers = (): readonly MyBusinessDto[] => buyers;

/** Starts over for whoever is signed in now. */
export function restartMyBuyers(redraw: Redraw): void {
  const current = ++generation;
  buyers = [];
  if (!currentUser()) return;
  api.myBusinesses().then(
    (mine) => {
      if (current !== generation) return;
      buyers = mine.filter((b) => b.kind === "Buyer");
      redraw();
    },
    () => undefined, // Without the list there is no "my tenders" link; the page itself still works from the address.
  );
}
