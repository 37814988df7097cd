// Refusals and the warning of a joint bid's subcontracting declarations: Marketplace.Grains/JointBids/SubcontractRules.cs.
// subcontract.undeclared stops nothing: the qualification card shows it until a declaration names the category.
import type { RefusalTexts } from "./texts";

export const subcontracts = {
  "subcontract.percent": {
    it: "La quota è una percentuale maggiore di 0 e fino a 100, con al massimo due decimali.",
    en: "A share is a percentage above 0 and up to 100, with at most two decimals.",
  },
  "subcontract.noSuchLot": {
    it: "La gara non ha un lotto con questo numero.",
    en: "No lot of the tender has this number.",
  },
  "subcontract.notAllowed": {
    it: "Il lotto {lot} non ammette subappalto: la stazione appaltante non ha indicato una quota subappaltabile.",
    en: "Lot {lot} allows no subcontracting: the buyer set no share of it that may be subcontracted.",
  },
  "subcontract.work": {
    it: "Indica cosa si subappalta: un pacchetto di lavoro o una categoria del lotto.",
    en: "Say which work is subcontracted: one work package or one category of the lot.",
  },
  "subcontract.noSuchPackage": {
    it: "Il lotto {lot} non ha questo pacchetto di lavoro.",
    en: "No work package of lot {lot} has this id.",
  },
  "subcontract.noSuchCategory": {
    it: "Il lotto {lot} non richiede la categoria {category}.",
    en: "Lot {lot} asks for no category {category}.",
  },
  "subcontract.categoryForbidden": {
    it: "La stazione appaltante non ammette il subappalto della categoria {category} nel lotto {lot}.",
    en: "The buyer does not let category {category} of lot {lot} be subcontracted.",
  },
  "subcontract.noSuchFirm": {
    it: "Il subappaltatore è un'impresa dell'alleanza con il ruolo di subappaltatrice; un'altra impresa si indica per nome.",
    en: "The subcontractor is a firm of the alliance in the Subcontractor role; another firm is named in words.",
  },
  "subcontract.name": {
    it: "Il nome del subappaltatore ha da 1 a {max:number} caratteri e si indica solo se non si sceglie un'impresa dell'alleanza.",
    en: "A subcontractor's name is 1 to {max:number} characters, given only when no firm of the alliance is chosen.",
  },
  "subcontract.twice": {
    it: "Questa lavorazione è già dichiarata nel lotto {lot}.",
    en: "This work is already declared in lot {lot}.",
  },
  "subcontract.tooMany": {
    it: "Un'offerta congiunta dichiara al massimo {max:number} parti in subappalto.",
    en: "A joint bid declares at most {max:number} subcontracted parts.",
  },
  "subcontract.overLimit": {
    it: "Lotto {lot}: si subappalterebbe il {sum:number}%, oltre il {max:number}% ammesso dalla stazione appaltante.",
    en: "Lot {lot}: {sum:number}% would be subcontracted, more than the {max:number}% the buyer allows.",
  },
  "subcontract.changed": {
    it: "Qualcun altro ha salvato il subappalto nel frattempo (versione {version}): ecco quello attuale.",
    en: "Someone else saved the subcontracting meanwhile (version {version}); here is the current one.",
  },
  "subcontract.stale": {
    it: "Una dichiarazione di subappalto indica un lotto, un pacchetto o un subappaltatore che l'offerta non ha più: salva di nuovo le dichiarazioni.",
    en: "A subcontracting declaration names a lot, work package or subcontractor the bid no longer has: save the declarations again.",
  },
  "subcontract.undeclared": {
    it: "Lotto {lot}: {category} va dichiarata in subappalto: nessuna impresa dell'alleanza è qualificata.",
    en: "Lot {lot}: {category} must be declared as subcontracted: no firm of the alliance is qualified for it.",
  },
} satisfies RefusalTexts;
