// Refusals of uploaded documents: Marketplace.Server/Endpoints/DocumentEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const documents = {
  "document.notAnUploader": {
    it: "Solo i titolari e i gestori dell'impresa caricano i suoi documenti.",
    en: "Only the business's Owners and Managers upload its documents.",
  },
  "document.fileName": {
    it: "Il nome del file è obbligatorio, al massimo {max:number} caratteri.",
    en: "The file name is required, at most {max:number} characters.",
  },
  "document.fileType": { it: "File accettati: {types}.", en: "Accepted files: {types}." },
  "document.empty": { it: "Il file è vuoto.", en: "The file is empty." },
  "document.notOfType": { it: "Il contenuto non è un file {extension}.", en: "The content is not a {extension} file." },
  "document.noSuchTenderDocument": {
    it: "Questa gara non ha un documento con questo identificativo.",
    en: "This tender has no document with this id.",
  },
  "document.notFound": { it: "Nessun documento ha questo identificativo.", en: "No document has this id." },
  "document.notUploaded": {
    it: "Nessun documento caricato da questa impresa ha questo identificativo.",
    en: "No document uploaded by this business has this id.",
  },
  "document.sealedElsewhere": {
    it: "Questo file è sigillato in un'offerta per un'altra gara: caricalo di nuovo per usarlo qui.",
    en: "This file is sealed in a bid for another tender: upload it again to use it here.",
  },
} satisfies RefusalTexts;
