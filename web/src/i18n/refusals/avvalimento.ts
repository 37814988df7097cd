// Refusals and notes of avvalimento (a firm relying on an auxiliary firm's requirements):
// Marketplace.Grains/Qualifications/QualificationRules.cs.
import type { RefusalTexts } from "./texts";

export const avvalimento = {
  "avvalimento.notAllowed": {
    it: "La stazione appaltante non ammette l'avvalimento in questo lotto: nessuna impresa può avvalersi dei requisiti di un'altra.",
    en: "The buyer does not allow avvalimento in this lot: no firm may rely on another firm's qualifications for it.",
  },
} satisfies RefusalTexts;
