// Refusals of the showcase and endorsements: Marketplace.Grains/Showcase (ShowcaseRules.cs, ShowcaseState.cs).
import type { RefusalTexts } from "./texts";

export const showcase = {
  "showcase.notFound": { it: "Questo progetto in vetrina non esiste più.", en: "This showcase project no longer exists." },
  "showcase.alreadyExists": { it: "Questo progetto esiste già.", en: "This project already exists." },
  "showcase.titleLength": {
    it: "Il titolo è obbligatorio e deve avere da {min:number} a {max:number} caratteri.",
    en: "The title is required and must be {min:number} to {max:number} characters long.",
  },
  "showcase.descriptionLength": {
    it: "La descrizione può avere al massimo {max:number} caratteri.",
    en: "The description can be at most {max:number} characters long.",
  },
  "showcase.clientLength": {
    it: "Il committente può avere al massimo {max:number} caratteri.",
    en: "The client can be at most {max:number} characters long.",
  },
  "showcase.year": {
    it: "Indica un anno tra il {min} e il {max}: in vetrina vanno lavori già conclusi.",
    en: "Give a year from {min} to {max}: the showcase holds completed work.",
  },
  "showcase.cpvCount": { it: "Al massimo {max:number} categorie CPV.", en: "At most {max:number} CPV categories." },
  "showcase.partnersCount": {
    it: "Un progetto congiunto indica da 1 a {max:number} imprese partner.",
    en: "A joint project names 1 to {max:number} partner firms.",
  },
  "showcase.ownPartner": {
    it: "L'impresa che pubblica non è partner di se stessa.",
    en: "The publishing firm is not its own partner.",
  },
  "showcase.noSuchFirm": {
    it: "Un partner deve essere un'altra impresa registrata.",
    en: "A partner must be another registered firm.",
  },
  "showcase.publisherNotAFirm": {
    it: "Solo un'impresa registrata come Impresa pubblica progetti in vetrina.",
    en: "Only a registered firm publishes showcase projects.",
  },
  "showcase.notPublisherEditor": {
    it: "Solo i titolari e i gestori dell'impresa pubblicano i suoi progetti.",
    en: "Only the firm's Owners and Managers publish its projects.",
  },
  "showcase.notAwarded": {
    it: "Nessun lotto di questa gara è stato aggiudicato a questa offerta.",
    en: "No lot of this tender was awarded to this bid.",
  },
  "showcase.notWinners": {
    it: "Nel progetto si indicano solo le imprese dell'offerta aggiudicataria.",
    en: "Only the firms of the winning bid are named in its project.",
  },
  "showcase.notEditor": {
    it: "Solo i titolari e i gestori dell'impresa che ha pubblicato modificano il progetto.",
    en: "Only the publishing firm's Owners and Managers edit the project.",
  },
  "showcase.awardNotEdited": {
    it: "Questo progetto nasce da un'aggiudicazione sulla piattaforma: riporta ciò che la gara ha aggiudicato e non si modifica.",
    en: "This project is the work of an award on the platform: it says what the tender awarded and is not edited.",
  },
  "showcase.changedMeanwhile": {
    it: "Il progetto è stato modificato nel frattempo (ora è alla versione {version}): ricarica la pagina e riprova.",
    en: "The project was changed meanwhile (it is now at version {version}): reload the page and try again.",
  },
  "showcase.notAPartner": {
    it: "Questa impresa non è indicata come partner del progetto.",
    en: "This firm is not named as a partner of the project.",
  },
  "showcase.notPartnerEditor": {
    it: "Solo i titolari e i gestori dell'impresa partner rispondono per essa.",
    en: "Only the partner firm's Owners and Managers answer for it.",
  },
  "showcase.changedBeforeAnswer": {
    it: "Il progetto è cambiato: leggi la versione {version} prima di rispondere.",
    en: "The project changed: read version {version} before answering.",
  },
  "showcase.reasonLength": {
    it: "Il motivo può avere al massimo {max:number} caratteri.",
    en: "The reason can be at most {max:number} characters long.",
  },
  "showcase.notVerifierAdmin": {
    it: "Solo gli amministratori di uno spazio a cui appartengono tutte le imprese del progetto lo verificano per l'associazione.",
    en: "Only the admins of a space that every firm of the project belongs to verify it for the association.",
  },
  "showcase.notAllMembers": {
    it: "Non tutte le imprese del progetto sono membri di «{space}»: lo verifica solo uno spazio a cui appartengono tutte.",
    en: "Not every firm of the project is a member of \"{space}\": only a space all of them belong to verifies it.",
  },
  "showcase.changedBeforeVerify": {
    it: "Il progetto è cambiato: leggi la versione {version} prima di verificarlo.",
    en: "The project changed: read version {version} before verifying it.",
  },
  "showcase.alreadyVerified": { it: "Questo progetto è già verificato.", en: "This project is already verified." },
  "showcase.notAllConfirmed": {
    it: "Prima ogni partner conferma il progetto, poi l'associazione lo verifica.",
    en: "Every partner confirms the project first; then the association verifies it.",
  },
  "endorsement.self": { it: "Un'impresa non può scrivere una referenza per se stessa.", en: "A firm cannot endorse itself." },
  "endorsement.notEndorserEditor": {
    it: "Solo i titolari e i gestori dell'impresa scrivono referenze a suo nome.",
    en: "Only the endorsing firm's Owners and Managers endorse for it.",
  },
  "endorsement.alreadyEndorses": {
    it: "Questa impresa ha già scritto una referenza per quell'impresa.",
    en: "This firm already endorses that firm.",
  },
  "endorsement.textLength": {
    it: "La referenza può avere al massimo {max:number} caratteri.",
    en: "The endorsement can be at most {max:number} characters long.",
  },
  "endorsement.noSharedProject": {
    it: "Le referenze sono solo tra imprese che condividono un progetto in vetrina verificato.",
    en: "Endorsements are only between firms that share a verified showcase project.",
  },
  "endorsement.notFound": { it: "Questa referenza non esiste.", en: "There is no such endorsement." },
  "endorsement.notWithdrawer": {
    it: "Solo i titolari e i gestori dell'impresa ritirano le sue referenze.",
    en: "Only the endorsing firm's Owners and Managers withdraw its endorsements.",
  },
} satisfies RefusalTexts;
