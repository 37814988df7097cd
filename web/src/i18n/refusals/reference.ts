// Refusals of reference data: Marketplace.Grains/Reference (CpvList.cs, ComuneCatalog.cs).
import type { RefusalTexts } from "./texts";

export const reference = {
  "cpv.unknown": {
    it: "{code} non è un codice CPV 2008: rimuovilo e sceglilo dall'elenco.",
    en: "{code} is not a CPV 2008 code: remove it and pick one from the list.",
  },
  "comune.unknown": {
    it: "Comune non riconosciuto ({code}): cercalo e sceglilo dall'elenco.",
    en: "Unknown comune ({code}): search for it and pick it from the list.",
  },
} satisfies RefusalTexts;
