// Refusals of tenders: Marketplace.Grains/Tenders (TenderRules.cs, TenderState.cs) and the tender endpoints.
import type { RefusalTexts } from "./texts";

export const tenders = {} satisfies RefusalTexts;
