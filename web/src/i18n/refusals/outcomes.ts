// Refusals of the association's outcome targets: Marketplace.Grains/Spaces/OutcomeTargets.cs.
import type { RefusalTexts } from "./texts";

export const outcomes = {
  "dashboard.checkAhead": {
    it: "Segni come visto ciò che il cruscotto ti ha mostrato, fino al momento in cui è stato contato: non un momento futuro.",
    en: "You mark as checked what the dashboard showed you, up to the moment it was counted: not a moment still to come.",
  },
  "outcomes.quarter": { it: "Scrivi il trimestre come 2026-Q4.", en: "Write the quarter like 2026-Q4." },
  "outcomes.quarterRange": {
    it: "Gli obiettivi si fissano per un trimestre dal {first} (il primo dello spazio) al {last}.",
    en: "Targets are set for a quarter from {first} (the space's first) to {last}.",
  },
  "outcomes.noTargets": { it: "Indica almeno una misura e il suo obiettivo.", en: "Name at least one measure and its target." },
  "outcomes.measure": { it: "Scegli una delle misure.", en: "Choose one of the measures." },
  "outcomes.measureTwice": { it: "Questa misura compare due volte.", en: "This measure is named twice." },
  "outcomes.count": { it: "Un numero intero da 0 a {max:number}.", en: "A whole number from 0 to {max:number}." },
  "outcomes.value": {
    it: "Un importo in euro da 0 a {max:number}, con al massimo due decimali.",
    en: "An amount in euro from 0 to {max:number}, with at most two decimals.",
  },
  "outcomes.share": {
    it: "Una percentuale da 0 a 100, con al massimo un decimale.",
    en: "A percentage from 0 to 100, with at most one decimal.",
  },
} satisfies RefusalTexts;
