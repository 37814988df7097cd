// Refusals of the space's notice board (bacheca): Marketplace.Grains/Board (BoardRules.cs, PostState.cs) and
// Marketplace.Server/Endpoints/BoardEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const board = {
  "board.membersOnly": {
    it: "La bacheca di questo spazio è visibile solo alle imprese aderenti e agli amministratori.",
    en: "Only the space's member firms and its admins see its notice board.",
  },
  "board.division": { it: "Una divisione CPV sono due cifre, per esempio 45.", en: "A CPV division is two digits, such as 45." },
  "board.notFound": { it: "Questo annuncio non esiste o non è visibile.", en: "This post does not exist or is not visible." },
  "board.notPosterEditor": {
    it: "Solo i titolari e i gestori dell'impresa che ha pubblicato l'annuncio lo modificano, lo chiudono e ne accettano gli interessi.",
    en: "Only the posting firm's Owners and Managers post, edit, close and accept interests for it.",
  },
  "board.notMember": {
    it: "Solo le imprese aderenti allo spazio pubblicano in bacheca e rispondono agli annunci.",
    en: "Only the space's member firms post on its board and answer its posts.",
  },
  "board.tooManyPosts": {
    it: "Un'impresa pubblica al massimo {max:number} annunci al giorno: riprova domani.",
    en: "A firm publishes at most {max:number} posts a day: try again tomorrow.",
  },
  "board.interestedInOneForTender": {
    it: "L'impresa interessata partecipa già a un'alleanza per questa gara: concorre con quella.",
    en: "The interested firm is already in an alliance for this tender: it bids through that one.",
  },
  "board.posterNotAFirm": { it: "Solo un'impresa registrata pubblica in bacheca.", en: "Only a registered firm posts on a board." },
  "board.alreadyExists": { it: "Questo annuncio esiste già.", en: "This post already exists." },
  "board.changedMeanwhile": {
    it: "L'annuncio è stato modificato nel frattempo: la versione attuale è la {version}.",
    en: "The post was changed meanwhile: the current version is {version}.",
  },
  "board.closed": { it: "Questo annuncio è chiuso: non accetta altri interessi.", en: "This post is closed: it takes no more interest." },
  "board.closedByAdmin": {
    it: "Gli amministratori dello spazio hanno chiuso questo annuncio: {reason}",
    en: "The space's admins closed this post: {reason}",
  },
  "board.hidden": { it: "Gli amministratori dello spazio hanno nascosto questo annuncio: {reason}", en: "The space's admins hid this post: {reason}" },
  "board.awaitingApproval": {
    it: "Questo annuncio attende l'approvazione degli amministratori dello spazio.",
    en: "This post waits for the space's admins to approve it.",
  },
  "board.expired": {
    it: "Questo annuncio è scaduto il {day:date}: non accetta altri interessi.",
    en: "This post expired on {day:date}: it takes no more interest.",
  },
  "board.notInterestEditor": {
    it: "Solo i titolari e i gestori dell'impresa manifestano interesse per essa.",
    en: "Only the firm's Owners and Managers express interest for it.",
  },
  "board.ownPost": {
    it: "Un'impresa non manifesta interesse per un proprio annuncio.",
    en: "A firm does not express interest in its own post.",
  },
  "board.alreadyInterested": {
    it: "Questa impresa ha già manifestato interesse per l'annuncio.",
    en: "This firm already expressed interest in this post.",
  },
  "board.messageLength": {
    it: "Il messaggio è obbligatorio e può avere al massimo {max:number} caratteri.",
    en: "The message is required and at most {max:number} characters long.",
  },
  "board.noSuchInterest": {
    it: "Questa impresa non ha manifestato interesse per l'annuncio.",
    en: "This firm expressed no interest in this post.",
  },
  "board.alreadyAccepted": { it: "Questo interesse è già stato accettato.", en: "This interest is already accepted." },
  "board.interestedNotMember": {
    it: "L'impresa interessata non aderisce più allo spazio.",
    en: "The interested firm is no longer a member of the space.",
  },
  "board.notAdmin": { it: "Solo gli amministratori dello spazio moderano la bacheca.", en: "Only the space's admins moderate its board." },
  "board.notAwaiting": { it: "Questo annuncio non attende approvazione.", en: "This post does not wait for approval." },
  "board.reasonRequired": {
    it: "Indica il motivo, in al massimo {max:number} caratteri: chi ha pubblicato l'annuncio lo leggerà.",
    en: "Say why, in at most {max:number} characters: the poster is told.",
  },
  "board.alreadyHidden": { it: "Questo annuncio è già nascosto.", en: "This post is already hidden." },
  "board.titleLength": {
    it: "Il titolo è obbligatorio, su una riga, e deve avere da {min:number} a {max:number} caratteri.",
    en: "The title is required, on one line, and must be {min:number} to {max:number} characters long.",
  },
  "board.textLength": {
    it: "Il testo è obbligatorio e deve avere da {min:number} a {max:number} caratteri.",
    en: "The text is required and must be {min:number} to {max:number} characters long.",
  },
  "board.kind": {
    it: "Un annuncio offre qualcosa oppure cerca un partner.",
    en: "A post offers something or looks for a partner.",
  },
  "board.cpvCount": { it: "Indica da 1 a {max:number} categorie CPV.", en: "Name 1 to {max:number} CPV categories." },
  "board.comuneRequired": { it: "Scegli il comune a cui si riferisce l'annuncio.", en: "Choose the comune the post is about." },
  "board.expiry": {
    it: "L'ultimo giorno è tra il {min:date} e il {max:date}.",
    en: "The last day is between {min:date} and {max:date}.",
  },
  "board.noSuchTender": {
    it: "Nessuna gara di questo spazio che accetta offerte ha questo identificativo.",
    en: "No tender of this space taking bids has this id.",
  },
} satisfies RefusalTexts;
