// Refusals of businesses: Marketplace.Grains/Businesses (ProfileRules.cs, BusinessState.cs) and the business endpoints.
import type { RefusalTexts } from "./texts";

export const businesses = {
  "business.notFound": { it: "Nessuna impresa ha questo identificativo.", en: "No business has this id." },
  "business.qualificationsNotVisible": {
    it: "Solo le persone dell'impresa vedono le sue qualificazioni.",
    en: "Only the firm's people see its qualifications.",
  },
  "business.notAFirm": {
    it: "Solo le imprese registrano qualificazioni: associazioni e stazioni appaltanti non presentano offerte.",
    en: "Only firms record qualifications: associations and buyers do not bid.",
  },
  "business.notAnEditor": {
    it: "Solo i titolari e i gestori dell'impresa possono farlo.",
    en: "Only the business's Owners and Managers may do this.",
  },
  "business.notAMember": {
    it: "Solo chi fa parte dell'impresa vede chi agisce per essa.",
    en: "Only the business's members can see who acts for it.",
  },
  "business.invitationsNotVisible": {
    it: "Solo i titolari e i gestori dell'impresa vedono i suoi inviti in sospeso.",
    en: "Only the business's Owners and Managers see its pending invitations.",
  },
  "business.alreadyExists": { it: "Questa impresa esiste già.", en: "This business already exists." },
  "business.kindRequired": {
    it: "Scegli il tipo: Impresa, Associazione o Committente.",
    en: "Choose the kind: Firm, Association or Buyer.",
  },
  "business.kindUnknown": {
    it: "Scegli il tipo: Impresa, Associazione o Committente.",
    en: "The kind is Firm, Association or Buyer.",
  },
  "business.changedMeanwhile": {
    it: "Qualcun altro ha modificato il profilo nel frattempo (hai modificato la versione {expected}, quella attuale è la {current}): ricarica la pagina e riprova.",
    en: "Someone else changed the profile meanwhile (you edited version {expected}, the current one is {current}): reload the page and try again.",
  },
  "business.nameLength": {
    it: "La denominazione è obbligatoria e deve avere da {min:number} a {max:number} caratteri.",
    en: "The name is required and must be {min:number} to {max:number} characters long.",
  },
  "business.vatNumber": {
    it: "Partita IVA non valida: servono 11 cifre, con la cifra di controllo corretta.",
    en: "This is not a valid Italian VAT number (partita IVA): 11 digits with a matching check digit.",
  },
  "business.taxCode": {
    it: "Codice fiscale non valido: per un ente o un'associazione servono 11 cifre, con la cifra di controllo corretta.",
    en: "This is not a valid tax code (codice fiscale) of a body: 11 digits with a matching check digit.",
  },
  "business.fieldNotForKind": {
    it: "Non si indica per questo tipo di organizzazione: partita IVA e dimensione sono delle imprese, il codice fiscale di enti pubblici e associazioni.",
    en: "Not given by this kind of organisation: a VAT number and a size are for firms, a tax code for public bodies and associations.",
  },
  "logo.empty": { it: "Il file è vuoto.", en: "The file is empty." },
  "logo.type": { it: "Il logo dev'essere un'immagine PNG, JPEG o WebP.", en: "A logo is a PNG, JPEG or WebP image." },
  "logo.name": {
    it: "Il nome del file dice {extension}, ma il contenuto è un'immagine {type}.",
    en: "The file's name says {extension}, but its content is a {type} image.",
  },
  "logo.size": { it: "Il logo può pesare al massimo {max:number} KB.", en: "A logo is at most {max:number} KB." },
  "logo.pixels": {
    it: "Il logo può misurare al massimo {max:number}×{max:number} pixel; questo è {width:number}×{height:number}.",
    en: "A logo is at most {max:number}×{max:number} pixels; this one is {width:number}×{height:number}.",
  },
  "logo.none": { it: "Questa organizzazione non ha un logo.", en: "This business has no logo." },
  "business.descriptionLength": {
    it: "La descrizione può avere al massimo {max:number} caratteri.",
    en: "The description can be at most {max:number} characters long.",
  },
  "business.capabilitiesCount": {
    it: "Puoi indicare al massimo {max:number} competenze.",
    en: "You can list at most {max:number} capabilities.",
  },
  "business.tagsCount": { it: "Puoi indicare al massimo {max:number} parole chiave.", en: "You can list at most {max:number} tags." },
  "business.tagLength": {
    it: "Una parola chiave deve avere da {min:number} a {max:number} caratteri.",
    en: "A tag must be {min:number} to {max:number} characters long.",
  },
  "business.addressLength": {
    it: "L'indirizzo può avere al massimo {max:number} caratteri.",
    en: "The address can be at most {max:number} characters long.",
  },
  "business.sizeUnknown": { it: "Scegli una dimensione dall'elenco.", en: "Pick a size from the list." },
  "business.website": {
    it: "Indirizzo web non valido: scrivilo come https://www.esempio.it.",
    en: "Invalid web address: write it like https://www.example.it.",
  },
  "business.contactEmail": {
    it: "Indirizzo e-mail non valido: scrivilo come nome@esempio.it.",
    en: "Invalid e-mail address: write it like name@example.it.",
  },
  "business.contactPhone": {
    it: "Numero di telefono non valido: da {min:number} a {max:number} cifre, spazi o trattini, con un + iniziale facoltativo.",
    en: "Invalid phone number: {min:number} to {max:number} digits, spaces or dashes, with an optional leading +.",
  },
  "business.inviteRole": { it: "Un nuovo utente può essere Gestore o Lettore.", en: "A new user can be a Manager or a Viewer." },
  "business.inviteEmail": { it: "Scrivi un indirizzo e-mail.", en: "Write an e-mail address." },
  "business.invitationSentRecently": {
    it: "A questo indirizzo l'invito è stato inviato meno di {minutes:number} minuti fa: rinvialo più tardi.",
    en: "This address was sent its invitation less than {minutes:number} minutes ago: send it again later.",
  },
  "business.tooManyInvitations": {
    it: "Un'impresa ha al massimo {max:number} inviti in sospeso: ritirane qualcuno prima.",
    en: "A business has at most {max:number} pending invitations: take some back first.",
  },
  "business.noInvitationForYou": {
    it: "Non c'è un tuo invito con questo identificativo: forse è stato ritirato.",
    en: "No invitation for you has this id: it may have been taken back.",
  },
  "business.alreadyActsFor": { it: "Agisci già per questa impresa.", en: "You already act for this business." },
  "business.noPendingInvitation": {
    it: "Nessun invito in sospeso ha questo identificativo: forse è già stato accettato o ritirato.",
    en: "No pending invitation has this id: it may have been accepted or taken back already.",
  },
  "business.noSuchMember": {
    it: "Questa persona non agisce per l'impresa.",
    en: "This person does not act for the business.",
  },
  "business.ownerStays": {
    it: "Un titolare non può essere tolto dall'impresa.",
    en: "An Owner cannot be removed from the business.",
  },
  "block.self": {
    it: "Un'impresa non può bloccare se stessa.",
    en: "A firm cannot block itself.",
  },
  "block.notAFirm": {
    it: "Si può bloccare solo un'altra impresa dell'elenco.",
    en: "Only another firm of the directory can be blocked.",
  },
  "block.tooMany": {
    it: "Un'impresa blocca al massimo {max:number} imprese: sbloccane qualcuna prima.",
    en: "A firm blocks at most {max:number} firms: unblock some first.",
  },
} satisfies RefusalTexts;
