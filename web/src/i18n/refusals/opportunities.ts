// Refusals of the import of external opportunities (OCDS release packages): Marketplace.Server/OpenData/Import and
// the tender's rules for opportunities published on the buyer's own platform (Grains/Tenders/ExternalImport.cs).
import type { RefusalTexts } from "./texts";

export const opportunities = {
  "import.noFile": {
    it: "Invia il pacchetto di release come file JSON.",
    en: "Send the release package as a JSON file.",
  },
  "import.notJson": {
    it: "Il file non è un JSON valido (riga {line}, byte {position}).",
    en: "The file is not valid JSON (line {line}, byte {position}).",
  },
  "import.notPackage": {
    it: "Un pacchetto di release è un oggetto JSON con l'elenco «releases».",
    en: "A release package is a JSON object with a “releases” array.",
  },
  "import.tooDeep": {
    it: "Il JSON ha più di {max:number} livelli annidati.",
    en: "The JSON nests deeper than {max:number} levels.",
  },
  "import.releaseTooLarge": {
    it: "Una release occupa al massimo {max:number} byte.",
    en: "A release is at most {max:number} bytes.",
  },
  "import.schema": {
    it: "Non è valido secondo lo schema OCDS 1.1.5 ({kind}).",
    en: "Not valid by the OCDS 1.1.5 schema ({kind}).",
  },
  "import.tooManyReleases": {
    it: "Un pacchetto contiene al massimo {max:number} release.",
    en: "A package holds at most {max:number} releases.",
  },
  "import.tooManyOpportunities": {
    it: "Un pacchetto descrive al massimo {max:number} procedure (ocid).",
    en: "A package describes at most {max:number} contracting processes (ocids).",
  },
  "import.noReleases": { it: "Il pacchetto non contiene release.", en: "The package holds no release." },
  "import.tenderMissing": {
    it: "Una release descrive la sua gara (con il suo id): è ciò che si importa.",
    en: "A release describes its tender (with its id): that is what is imported.",
  },
  "import.cpvScheme": {
    it: "Una voce è classificata con il suo codice CPV (classification.scheme «CPV»).",
    en: "An item is classified by its CPV code (classification.scheme “CPV”).",
  },
  "import.cpvUnknown": {
    it: "«{code}» non è un codice CPV 2008.",
    en: "“{code}” is not a CPV 2008 code.",
  },
  "import.noSuchLot": {
    it: "Nessun lotto di questa procedura ha l'id «{lot}».",
    en: "No lot of this contracting process has the id “{lot}”.",
  },
  "import.noItems": {
    it: "Ogni lotto indica almeno una voce con il suo codice CPV, così le imprese di quel settore lo vengono a sapere.",
    en: "Each lot names at least one item with its CPV code, so the firms that do this work hear of it.",
  },
  "import.buyerMissing": {
    it: "Manca il nome dell'ente (buyer.name, o una parte con il ruolo «buyer»).",
    en: "The buyer's name is missing (buyer.name, or a party with the role “buyer”).",
  },
  "import.deadlineMissing": {
    it: "Manca il termine per le offerte (tender.tenderPeriod.endDate).",
    en: "The submission deadline is missing (tender.tenderPeriod.endDate).",
  },
  "import.moreErrors": {
    it: "Altri {more:number} errori non sono elencati.",
    en: "{more:number} more errors are not listed.",
  },
  "tender.externalBids": {
    it: "Questa gara è pubblicata sulla piattaforma dell'ente: le offerte si presentano lì, non qui.",
    en: "This tender is published on the buyer's own platform: bids are submitted there, not here.",
  },
  "tender.externalQuestions": {
    it: "Questa gara è pubblicata sulla piattaforma dell'ente: i quesiti si pongono lì, non qui.",
    en: "This tender is published on the buyer's own platform: questions are asked there, not here.",
  },
  "tender.notExternal": {
    it: "Questa gara è pubblicata qui: un'importazione non la modifica mai.",
    en: "This tender was published here: an import never changes it.",
  },
  "tender.submissionFuture": {
    it: "Il termine per le offerte deve essere nel futuro.",
    en: "The submission deadline is in the future.",
  },
} satisfies RefusalTexts;
