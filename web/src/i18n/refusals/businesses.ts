// Refusals of businesses: Marketplace.Grains/Businesses (ProfileRules.cs, BusinessState.cs) and the business endpoints.
import type { RefusalTexts } from "./texts";

export const businesses = {
  "business.capabilitiesCount": { it: "Al massimo {max:number} competenze.", en: "At most {max:number} capabilities." },
} satisfies RefusalTexts;
