// Refusals of bids: Marketplace.Grains/Tenders (BidState.cs, TenderRules.cs) and the bid endpoints.
import type { RefusalTexts } from "./texts";

export const bids = {
  "bid.notTheBidder": {
    it: "Solo i titolari e i gestori dell'impresa offerente (per un'alleanza, della capofila) presentano o ritirano la sua offerta.",
    en: "Only the Owners and Managers of the bidding firm (for an alliance, of its lead) submit or withdraw its bid.",
  },
} satisfies RefusalTexts;
