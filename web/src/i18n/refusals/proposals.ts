// Refusals of the tenders a member firm proposes to its space's admins (Marketplace.Server/OpenData/Import/Proposals).
import type { RefusalTexts } from "./texts";

export const proposals = {
  "proposal.notMember": {
    it: "Solo i titolari e i responsabili delle imprese membri dello spazio gli propongono gare.",
    en: "Only the Owners and Managers of the space's member firms propose tenders to it.",
  },
  "proposal.tooMany": {
    it: "Una proposta contiene al massimo {max:number} gare; per tutti i dati di un ente, chiedi agli amministratori dello spazio di aggiungerne l'indirizzo.",
    en: "A proposal holds at most {max:number} tenders; for a publisher's whole data, ask the space's admins to add its address.",
  },
  "proposal.tooManyWaiting": {
    it: "La tua impresa ha già {max:number} proposte in attesa degli amministratori dello spazio: attendi la loro risposta o ritirane una.",
    en: "Your firm already has {max:number} proposals waiting for the space's admins: wait for their answer or withdraw one.",
  },
  "proposal.notFound": { it: "Questo spazio non ha questa proposta.", en: "This space has no such proposal." },
  "proposal.imported": { it: "Questa proposta è già stata importata.", en: "This proposal was already imported." },
  "proposal.declined": { it: "Questa proposta è già stata rifiutata.", en: "This proposal was already declined." },
  "proposal.withdrawn": { it: "Questa proposta è stata ritirata dalla sua impresa.", en: "This proposal was withdrawn by its firm." },
  "proposal.importing": {
    it: "Un amministratore sta importando questa proposta proprio ora.",
    en: "An admin is importing this proposal right now.",
  },
  "proposal.tooLong": { it: "Al massimo {max:number} caratteri.", en: "At most {max:number} characters." },
} satisfies RefusalTexts;
