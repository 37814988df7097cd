// Refusals of any request's input: Marketplace.Abstractions/Outcome.cs, Marketplace.Grains/CleanText.cs and
// Marketplace.Server/Endpoints (InputRules.cs, BadRequestProblems.cs, ProblemResults.cs).
import type { RefusalTexts } from "./texts";

export const input = {
  "input.invalidFields": { it: "Alcuni campi non sono validi.", en: "One or more fields are invalid." },
  "input.fieldRequired": { it: "Questo campo è obbligatorio.", en: "This field is required." },
  "input.nulCharacter": {
    it: "Il testo contiene un carattere NUL: riscrivilo senza incollarlo.",
    en: "The text contains a NUL character: type it again instead of pasting it.",
  },
  "input.unreadableCharacter": {
    it: "Il testo contiene un carattere incompleto o illeggibile: riscrivilo senza incollarlo.",
    en: "The text contains an incomplete or unreadable character: type it again instead of pasting it.",
  },
  "input.oneLine": { it: "Questo testo va scritto su una sola riga.", en: "This text must be on one line." },
  "input.controlCharacter": {
    it: "Il testo contiene un carattere di controllo: riscrivilo senza incollarlo.",
    en: "The text contains a control character: type it again instead of pasting it.",
  },
  "input.reversingCharacter": {
    it: "Il testo contiene un carattere che ne inverte la direzione sullo schermo: riscrivilo senza incollarlo.",
    en: "The text contains a character that reverses its direction on screen: type it again instead of pasting it.",
  },
  "input.searchWords": {
    it: "Cerca con al massimo {words:number} parole e {length:number} caratteri.",
    en: "Search with at most {words:number} words and {length:number} characters.",
  },
  "input.emptyId": {
    it: "Manca una scelta: ricarica la pagina e riprova.",
    en: "A choice is missing: reload the page and try again.",
  },
  "input.notFinite": { it: "Serve un numero.", en: "A number is required." },
  "input.instantRange": {
    it: "Indica un momento tra il {from} e i prossimi {years:number} anni.",
    en: "Give a time from {from} to {years:number} years from now.",
  },
  "input.dateRange": {
    it: "Indica una data tra il {from} e i prossimi {years:number} anni.",
    en: "Give a date from {from} to {years:number} years from now.",
  },
  "input.unknownValue": { it: "Scegli un valore dall'elenco.", en: "Pick a value from the list." },
  "input.notJson": {
    it: "Il server non è riuscito a leggere i dati inviati: ricarica la pagina e riprova.",
    en: "The server could not read the data sent: reload the page and try again.",
  },
  "input.wrongFormat": {
    it: "Questo valore ha un tipo o un formato sbagliato.",
    en: "This value has the wrong type or format.",
  },
  "input.refused": { it: "La richiesta è stata rifiutata.", en: "The request was refused." },
} satisfies RefusalTexts;
