// Refusals of an alliance's conversation: Marketplace.Grains/Conversations (ConversationRules.cs) and
// Marketplace.Server/Endpoints/ConversationEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const conversations = {
  "conversation.notFound": {
    it: "Questa conversazione non esiste o non è visibile: la leggono solo le persone delle imprese aderenti all'alleanza.",
    en: "This conversation does not exist or is not visible: only the people of the alliance's member firms read it.",
  },
  "conversation.viewersRead": {
    it: "Con il ruolo di visualizzatore leggi la conversazione; scrivono i titolari e i gestori dell'impresa.",
    en: "As a Viewer you read the conversation; the firm's Owners and Managers write in it.",
  },
  "conversation.notYourFirm": {
    it: "Scrivi solo a nome di una tua impresa aderente all'alleanza.",
    en: "You write only for a firm of yours that is active in the alliance.",
  },
  "conversation.chooseFirm": {
    it: "Agisci per più imprese dell'alleanza: scegli per quale scrivi.",
    en: "You act for several firms of the alliance: choose the one you write for.",
  },
  "conversation.textLength": {
    it: "Un messaggio ha da 1 a {max:number} caratteri.",
    en: "A message is 1 to {max:number} characters long.",
  },
  "conversation.noSuchPackage": {
    it: "L'offerta congiunta non ha più questo pacchetto di lavoro.",
    en: "The joint bid no longer has this work package.",
  },
  "conversation.noSuchAnswer": {
    it: "La gara non ha questo criterio di qualità: non c'è una risposta dell'offerta di cui discutere.",
    en: "The tender has no such quality criterion: there is no answer of the bid to discuss.",
  },
  "conversation.oneSubject": {
    it: "Un messaggio riguarda un pacchetto di lavoro o una risposta, non entrambi.",
    en: "A message is about a work package or an answer, not both.",
  },
  "conversation.tooManyMessages": {
    it: "Hai scritto {max:number} messaggi nell'ultimo minuto: aspetta un momento prima del prossimo.",
    en: "You wrote {max:number} messages in the last minute: wait a moment before the next one.",
  },
  "conversation.mentionNotReader": {
    it: "Puoi menzionare solo le persone delle imprese dell'alleanza, che leggono questa conversazione.",
    en: "You can mention only people of the alliance's firms, who read this conversation.",
  },
  "conversation.tooManyMentions": {
    it: "Un messaggio menziona al massimo {max:number} persone.",
    en: "A message mentions {max:number} people at most.",
  },
  "conversation.limit": {
    it: "Una pagina contiene da 1 a {max:number} messaggi.",
    en: "A page holds 1 to {max:number} messages.",
  },
} satisfies RefusalTexts;
