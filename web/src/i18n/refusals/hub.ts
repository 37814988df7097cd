// Refusals of live updates: Marketplace.Server/Hubs/MarketplaceHub.cs (a refused watch fails with the code as its message).
import type { RefusalTexts } from "./texts";

export const hub = {
  "hub.spaceAdminsOnly": {
    it: "Solo gli amministratori dello spazio seguono le sue domande.",
    en: "Only the space's admins can watch its applications.",
  },
  "hub.allianceFirmsOnly": { it: "Solo le imprese dell'alleanza la seguono.", en: "Only the alliance's firms can watch it." },
  "hub.businessMembersOnly": {
    it: "Solo chi fa parte dell'impresa segue la sua squadra.",
    en: "Only the business's members can watch its team.",
  },
} satisfies RefusalTexts;
