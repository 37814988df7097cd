// Refusals of reference data (CPV codes, comuni): Marketplace.Grains/Reference and the reference endpoints.
import type { RefusalTexts } from "./texts";

export const reference = {
  "cpv.unknown": {
    it: "'{code}' non è un codice CPV 2008.",
    en: "'{code}' is not a CPV 2008 code.",
  },
} satisfies RefusalTexts;
