// Refusals of the qualification rules: Marketplace.Grains/Qualifications (QualificationRules.cs). A category's
// class is the class the lot's amount in it falls in, as tenders write it ("OG1 classe III").
import type { RefusalTexts } from "./texts";

export const qualifications = {
  "qualification.categoryMissing": {
    it: "Manca la categoria {category} classe {class} richiesta dal lotto: nessuna impresa ha un'attestazione SOA valida in questa categoria.",
    en: "The lot's category {category} class {class} is missing: no firm holds a valid SOA attestation in it.",
  },
  "qualification.categoryShort": {
    it: "Categoria {category} (classe {class} nel lotto): le classi delle imprese valgono {held:money} sui {required:money} richiesti.",
    en: "Category {category} (class {class} in this lot): the firms' classes count for {held:money} of the {required:money} needed.",
  },
  "qualification.leadLacksPrevailing": {
    it: "La mandataria non ha un'attestazione SOA valida nella categoria prevalente {category}.",
    en: "The lead firm holds no valid SOA attestation in the prevailing category {category}.",
  },
  "qualification.leadBelowMinimum": {
    it: "La classe della mandataria in {category}, senza l'incremento di un quinto, copre meno del {percent}% dei {required:money} richiesti.",
    en: "The lead firm's class in {category}, without the one-fifth increase, covers less than {percent}% of the {required:money} needed.",
  },
  "qualification.leadNotLargest": {
    it: "La mandataria non detiene la quota maggiore dei requisiti nella categoria {category}: un'altra impresa ha una classe pari o superiore.",
    en: "The lead firm does not hold the largest share of the requirements in category {category}: another firm holds an equal or higher class.",
  },
  "qualification.leadNotLargestTurnover": {
    it: "La mandataria non detiene la quota maggiore del fatturato richiesto: un'altra impresa ne ha altrettanto o di più.",
    en: "The lead firm does not hold the largest share of the turnover required: another firm has as much or more.",
  },
  "qualification.leadNotLargestSimilarWork": {
    it: "La mandataria non detiene la quota maggiore dei lavori analoghi richiesti: un'altra impresa ne ha altrettanti o di più.",
    en: "The lead firm does not hold the largest share of the similar work required: another firm has as much or more.",
  },
  "qualification.turnoverShort": {
    it: "Il fatturato delle imprese somma {held:money} sui {required:money} richiesti.",
    en: "The firms' turnover adds up to {held:money} of the {required:money} required.",
  },
  "qualification.similarWorkShort": {
    it: "I lavori analoghi delle imprese sommano {held:money} sui {required:money} richiesti.",
    en: "The firms' similar work adds up to {held:money} of the {required:money} required.",
  },
  "qualification.subcontractOverLimit": {
    it: "I lavori per cui nessuna impresa è qualificata, {amount:money}, superano il {percent}% del lotto che la stazione appaltante consente di subappaltare.",
    en: "The work no firm is qualified for, {amount:money}, is more than the {percent}% of the lot the buyer allows to subcontract.",
  },
  "qualification.subcontractRequired": {
    it: "Le classi delle imprese non coprono la categoria {category} (classe {class} nel lotto): i suoi lavori, {amount:money}, vanno a un subappaltatore qualificato e la categoria prevalente ne copre anche l'importo.",
    en: "The firms' classes do not cover category {category} (class {class} in this lot): its work, {amount:money}, must go to a qualified subcontractor, and the prevailing category covers its amount too.",
  },
  "qualification.tooManyAttestations": {
    it: "Un'impresa registra al massimo {max:number} attestazioni.",
    en: "A firm records at most {max:number} attestations.",
  },
  "qualification.categoryRequired": {
    it: "Scegli la categoria SOA.",
    en: "Choose the SOA category.",
  },
  "qualification.unknownCategory": {
    it: "«{code}» non è una categoria SOA (OG1–OG13, OS1–OS35).",
    en: "'{code}' is not an SOA category (OG1–OG13, OS1–OS35).",
  },
  "qualification.duplicateCategory": {
    it: "La categoria {category} compare due volte: un'impresa ha una sola classe per categoria.",
    en: "Category {category} is recorded twice: a firm holds one class per category.",
  },
  "qualification.unknownClass": {
    it: "La classe deve essere una tra I, II, III, III-bis, IV, IV-bis, V, VI, VII, VIII.",
    en: "The class must be one of I, II, III, III-bis, IV, IV-bis, V, VI, VII, VIII.",
  },
  "qualification.expiryRequired": {
    it: "Indica il giorno di scadenza dell'attestazione.",
    en: "Give the day the attestation expires.",
  },
  "qualification.issuerRequired": {
    it: "Indica la SOA che ha rilasciato l'attestazione (al massimo {max:number} caratteri).",
    en: "Name the SOA body that issued the attestation (at most {max:number} characters).",
  },
  "qualification.yearOutOfRange": {
    it: "L'ultimo anno dei dati deve essere tra il {min} e il {max}.",
    en: "The figures' last year must be between {min} and {max}.",
  },
  "qualification.similarAboveTurnover": {
    it: "I lavori analoghi fanno parte del fatturato: non possono superarlo.",
    en: "Similar work is part of the turnover, so it cannot be more than the turnover.",
  },
  "qualification.lotCategoryTwice": {
    it: "La categoria {category} è indicata due volte in questo lotto: indicane l'importo intero una volta sola.",
    en: "Category {category} is asked twice in this lot: give its whole amount once.",
  },
  "qualification.prevailingRequired": {
    it: "Un lotto con categorie scorporabili indica anche la categoria prevalente.",
    en: "A lot with separable categories names its prevailing category too.",
  },
  "qualification.separableAbovePrevailing": {
    it: "La categoria prevalente è quella con l'importo maggiore: {category} ha più lavori di lei.",
    en: "The prevailing category is the one with the largest amount: {category} has more work than it.",
  },
  "qualification.tooManySeparable": {
    it: "Un lotto indica al massimo {max:number} categorie scorporabili.",
    en: "A lot names at most {max:number} separable categories.",
  },
  "qualification.subcontractPercent": {
    it: "La quota subappaltabile è una percentuale intera da 1 a 100.",
    en: "The share that may be subcontracted is a whole percentage from 1 to 100.",
  },
  "dgue.notFound": {
    it: "Nessuna impresa per cui agisci ha questo identificativo.",
    en: "No firm you act for has this id.",
  },
  "dgue.unknownGround": {
    it: "'{ground}' non è un motivo di esclusione del DGUE.",
    en: "'{ground}' is not an exclusion ground of the DGUE.",
  },
  "dgue.groundTwice": {
    it: "Lo stesso motivo di esclusione ha due risposte.",
    en: "The same exclusion ground is answered twice.",
  },
  "dgue.groundUnanswered": {
    it: "Rispondi a ogni motivo di esclusione: ne manca almeno uno.",
    en: "Answer every exclusion ground: at least one has no answer.",
  },
  "dgue.explanationRequired": {
    it: "Spiega le circostanze e le misure adottate (al massimo {max:number} caratteri).",
    en: "Explain the circumstances and the measures taken (at most {max:number} characters).",
  },
  "dgue.explanationTooLong": {
    it: "Una spiegazione ha al massimo {max:number} caratteri.",
    en: "An explanation has at most {max:number} characters.",
  },
  "dgue.attestationNotRecorded": {
    it: "L'impresa non ha registrato un'attestazione SOA in {category}: registrala prima nelle qualificazioni.",
    en: "The firm records no SOA attestation in {category}: record it in the qualifications first.",
  },
  "dgue.figuresNotRecorded": {
    it: "L'impresa non ha registrato fatturato né lavori analoghi: registrali prima nelle qualificazioni.",
    en: "The firm records no turnover or similar work: record them in the qualifications first.",
  },
} satisfies RefusalTexts;
