// Refusals of the showcase: Marketplace.Grains/Showcase (ShowcaseRules.cs, ShowcaseState.cs) and its endpoints.
import type { RefusalTexts } from "./texts";

export const showcase = {
  "showcase.cpvCount": { it: "Al massimo {max:number} categorie CPV.", en: "At most {max:number} codes." },
} satisfies RefusalTexts;
