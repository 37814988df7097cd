// Refusals of the soccorso istruttorio (art. 101 D.Lgs. 36/2023): Marketplace.Grains/Tenders/TenderSoccorso.cs.
import type { RefusalTexts } from "./texts";

export const soccorso = {
  "tender.soccorsoSubject": {
    it: "Scrivete che cosa l'offerente deve integrare, da 1 a {max} caratteri: lo leggono le sue persone.",
    en: "Say what the bidder must complete, in 1 to {max} characters: its people read it.",
  },
  "tender.soccorsoDeadline": {
    it: "All'offerente si danno da 5 a 10 giorni per rispondere (art. 101, comma 1, D.Lgs. 36/2023): il termine va dal {earliest:dateTime} al {latest:dateTime}.",
    en: "The bidder is given 5 to 10 days to answer (art. 101, c. 1, D.Lgs. 36/2023): the deadline is between {earliest:dateTime} and {latest:dateTime}.",
  },
  "tender.soccorsoLimit": {
    it: "Questa offerta ha già {max} richieste: ritiratene una che non serve più.",
    en: "This bid already has {max} requests: withdraw one that is no longer needed.",
  },
  "tender.noSuchSoccorso": {
    it: "Questa offerta non ha una richiesta con questo numero.",
    en: "This bid has no request with this number.",
  },
  "tender.soccorsoAnswered": {
    it: "A questa richiesta è già stata data risposta il {at:dateTime}: si risponde una volta sola e la risposta non si modifica.",
    en: "This request was answered on {at:dateTime}: an answer is given once and not changed.",
  },
  "tender.soccorsoWithdrawn": {
    it: "Il committente ha ritirato questa richiesta il {at:dateTime}: non serve rispondere.",
    en: "The buyer withdrew this request on {at:dateTime}: it needs no answer.",
  },
  "tender.soccorsoLapsed": {
    it: "Il termine di questa richiesta è scaduto il {deadline:dateTime} senza risposta: non si può più rispondere.",
    en: "The deadline of this request passed on {deadline:dateTime} with no answer: it can no longer be answered.",
  },
  "tender.soccorsoText": {
    it: "Scrivete la risposta, da 1 a {max} caratteri.",
    en: "Write the answer, in 1 to {max} characters.",
  },
  "tender.soccorsoNotTheLead": {
    it: "Alle richieste del committente rispondono solo i titolari e i gestori dell'impresa capogruppo dell'offerta.",
    en: "Only the Owners and Managers of the bid's lead firm answer the buyer's requests.",
  },
} satisfies RefusalTexts;
