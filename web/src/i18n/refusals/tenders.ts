// Refusals of tenders: Marketplace.Grains/Tenders (TenderRules.cs, TenderState.cs) and the tender endpoints.
import type { RefusalTexts } from "./texts";

export const tenders = {
  "tenderSearch.valueRange": {
    it: "Il valore minimo non può superare il massimo, e nessuno dei due può essere negativo.",
    en: "The least value is at most the greatest, and neither is below zero.",
  },
  "tenderSearch.closingDays": { it: "Scegli da 1 a {max:number} giorni.", en: "Choose 1 to {max:number} days." },
  "tender.notFound": {
    it: "Questa gara non esiste, o non puoi vederla.",
    en: "This tender does not exist, or you may not see it.",
  },
  "openData.external": {
    it: "Questa opportunità è pubblicata sulla piattaforma del committente: i suoi dati aperti sono quelli dell'editore originale (ocid {ocid}).",
    en: "This opportunity is published on the buyer's own platform: its open data is the original publisher's (ocid {ocid}).",
  },
  "openData.notPublished": {
    it: "Una bozza non è ancora un bando pubblico: i suoi dati aperti esistono dalla pubblicazione.",
    en: "A draft is not a public notice yet: it has no open data until it is published.",
  },
  "openData.notABuyer": {
    it: "Solo un committente pubblica gare: questa organizzazione non ha dati aperti propri.",
    en: "Only a buyer publishes tenders: this business has no open data of its own.",
  },
  "tender.exists": { it: "Questa gara esiste già.", en: "This tender already exists." },
  "tender.notTheBuyer": {
    it: "Solo il Titolare o un Gestore del committente, o gli amministratori degli spazi a cui ha dato mandato, possono farlo.",
    en: "Only the buyer's Owners and Managers, or the admins of spaces the buyer has mandated, may do this.",
  },
  "tender.mandateRevoked": {
    it: "Il committente ha revocato il mandato agli amministratori di «{space}»: ora agiscono per lui solo il suo Titolare e i suoi Gestori.",
    en: "The buyer revoked its mandate to the admins of “{space}”: only the buyer's Owners and Managers act for it there now.",
  },
  "tender.notMandated": {
    it: "Il committente non ha dato mandato agli amministratori di «{space}» di agire per lui.",
    en: "The buyer has not mandated the admins of “{space}” to act for it.",
  },
  "tender.notApproved": {
    it: "«{space}» non ha approvato il committente per pubblicarvi gare: il committente lo chiede prima agli amministratori dello spazio.",
    en: "“{space}” has not approved this buyer to publish there: the buyer asks the space's admins first.",
  },
  "tender.tenderingTooShort": {
    it: "«{space}» dà alle imprese almeno {days:number} giorni per presentare offerta: pubblicando ora, il termine delle offerte deve essere il {earliest:dateTime} o dopo. Modifica la bozza e sposta il termine.",
    en: "“{space}” gives firms at least {days:number} days to bid: published now, the submission deadline must be {earliest:dateTime} or later. Edit the draft and move the deadline.",
  },
  "tender.noSuchBuyer": {
    it: "Il committente non è valido: apri il modulo dalla pagina del committente.",
    en: "The buyer is not valid: open the form from the buyer's page.",
  },
  "tender.spaceCount": {
    it: "Scegli da 1 a {max:number} spazi in cui pubblicare la gara.",
    en: "Choose 1 to {max:number} spaces to publish the tender in.",
  },
  "tender.noSuchSpace": {
    it: "Uno degli spazi scelti non esiste più: ricarica la pagina e riprova.",
    en: "One of the chosen spaces no longer exists: reload the page and try again.",
  },
  "tender.title": {
    it: "Il titolo della gara è obbligatorio e deve avere da {min:number} a {max:number} caratteri.",
    en: "The tender's title is required and must be {min:number} to {max:number} characters long.",
  },
  "tender.tooLong": { it: "Al massimo {max:number} caratteri.", en: "At most {max:number} characters." },
  "tender.lotCount": { it: "Una gara ha da 1 a {max:number} lotti.", en: "A tender has 1 to {max:number} lots." },
  "tender.lotTitle": {
    it: "Il lotto deve avere un titolo, di al massimo {max:number} caratteri.",
    en: "The lot needs a title, at most {max:number} characters long.",
  },
  "tender.lotCpvCount": { it: "Al massimo {max:number} codici CPV.", en: "At most {max:number} CPV codes." },
  "tender.lotCpvMissing": {
    it: "Indica almeno un codice CPV per il lotto: le imprese con competenze affini riceveranno l'avviso.",
    en: "Give the lot at least one CPV code, so that firms with matching capabilities hear of it.",
  },
  "tender.lotNumber": {
    it: "Il lotto non corrisponde più alla bozza salvata: ricarica la pagina e riprova.",
    en: "The lot no longer matches the saved draft: reload the page and try again.",
  },
  "tender.oneCurrency": {
    it: "Tutti i lotti di una gara hanno la stessa valuta ({currency}); un lotto senza valore stimato è in EUR.",
    en: "All lots of a tender are priced in one currency ({currency}); a lot without an estimated value is in EUR.",
  },
  "tender.eligibilityCount": {
    it: "Puoi indicare al massimo {max:number} requisiti.",
    en: "You may list at most {max:number} requirements.",
  },
  "tender.requirement": {
    it: "Il requisito deve avere da 1 a {max:number} caratteri.",
    en: "A requirement is 1 to {max:number} characters long.",
  },
  "tender.documentCount": {
    it: "Puoi allegare al massimo {max:number} documenti.",
    en: "You may attach at most {max:number} documents.",
  },
  "tender.contractEnd": { it: "La fine del contratto deve seguirne l'inizio.", en: "The contract ends after it starts." },
  "tender.contractStart": {
    it: "Il contratto inizia dopo il termine di presentazione delle offerte.",
    en: "The contract starts after the submission deadline.",
  },
  "tender.contractStartMoved": {
    it: "Il contratto inizia dopo il termine di presentazione delle offerte, che questa rettifica sposta al {deadline:dateTime}.",
    en: "The contract starts after the submission deadline, which this amendment moves to {deadline:dateTime}.",
  },
  "tender.submissionAfterEnquiry": {
    it: "Il termine di presentazione delle offerte deve seguire il termine per i quesiti.",
    en: "The submission deadline comes after the enquiry deadline.",
  },
  "tender.enquiryFuture": {
    it: "Il termine per i quesiti deve essere nel futuro.",
    en: "The enquiry deadline must be in the future.",
  },
  "tender.criteriaCount": {
    it: "Una gara ha da 1 a {max:number} criteri di aggiudicazione.",
    en: "A tender has 1 to {max:number} award criteria.",
  },
  "tender.criterionName": {
    it: "Il criterio deve avere un nome, di al massimo {max:number} caratteri.",
    en: "The criterion needs a name, at most {max:number} characters long.",
  },
  "tender.criterionKind": { it: "Il criterio è di tipo Prezzo o Qualità.", en: "A criterion is Price or Quality." },
  "tender.criterionWeight": {
    it: "Il peso è un numero intero da 1 a 100.",
    en: "A weight is a whole number from 1 to 100.",
  },
  "tender.criterionNumber": {
    it: "Il criterio non corrisponde più alla bozza salvata: ricarica la pagina e riprova.",
    en: "The criterion no longer matches the saved draft: reload the page and try again.",
  },
  "tender.onePrice": { it: "Serve esattamente un criterio di tipo Prezzo.", en: "Exactly one criterion is the price." },
  "tender.weightsSum": {
    it: "I pesi dei criteri devono sommare a 100, non a {sum:number}.",
    en: "The criteria's weights add up to 100, not {sum:number}.",
  },
  "tender.amendmentSummary": {
    it: "Descrivi che cosa cambia la rettifica, in al massimo {max:number} caratteri.",
    en: "Say what the amendment changes, in at most {max:number} characters.",
  },
  "tender.deadlineForward": {
    it: "Una rettifica non può anticipare il termine di presentazione delle offerte.",
    en: "An amendment never brings the submission deadline forward.",
  },
  "tender.stale": {
    it: "Nel frattempo qualcun altro ha modificato la gara: hai modificato la versione {expected}, quella attuale è la {current}. Ricarica la pagina e riprova.",
    en: "Someone else changed the tender meanwhile: you edited version {expected}, the current one is {current}. Reload the page and try again.",
  },
  "tender.wrongStatus": {
    it: "Nello stato attuale della gara non è possibile: la pagina mostra a che punto è.",
    en: "Not possible at the tender's current stage: the page shows where it stands.",
  },
  "tender.enquiriesClosed": {
    it: "Il periodo dei quesiti è chiuso: non si accettano più domande.",
    en: "The enquiry period has ended: questions are no longer taken.",
  },
  "tender.questionText": {
    it: "La domanda deve avere da 1 a {max:number} caratteri.",
    en: "A question is 1 to {max:number} characters long.",
  },
  "tender.notTheAsker": {
    it: "Solo il Titolare o un Gestore dell'impresa può porre quesiti per essa.",
    en: "Only the firm's Owners and Managers ask for it.",
  },
  "tender.noSuchFirm": {
    it: "Scegli un'impresa registrata di cui sei Titolare o Gestore.",
    en: "Choose a registered firm you are an Owner or Manager of.",
  },
  "tender.firmNotEligible": {
    it: "Partecipano solo le imprese membro di uno spazio in cui la gara è pubblicata.",
    en: "Only member firms of a space this tender is published in take part.",
  },
  "tender.noSuchQuestion": {
    it: "Il quesito non esiste più: ricarica la pagina.",
    en: "The question no longer exists: reload the page.",
  },
  "tender.questionAnswered": {
    it: "Questo quesito ha già una risposta, che non si cambia una volta data.",
    en: "This question is already answered; answers are not changed once given.",
  },
  "tender.answerText": {
    it: "La risposta deve avere da 1 a {max:number} caratteri.",
    en: "An answer is 1 to {max:number} characters long.",
  },
  "tender.noSuchBid": {
    it: "L'offerta non è tra quelle aperte: ricarica la pagina.",
    en: "The bid is not among the opened ones: reload the page.",
  },
  "tender.standstill": {
    it: "Il termine dilatorio corre fino al {until:dateTime}: prima non si stipula alcun contratto (art. 18, comma 3, D.Lgs. 36/2023), quindi la gara non si chiude ancora.",
    en: "The standstill period runs until {until:dateTime}: no contract is signed before it ends (art. 18(3) of Legislative Decree 36/2023), so the tender is not completed yet.",
  },
  "tender.bidExcluded": {
    it: "Il committente ha escluso questa offerta ({reason}): non si classifica, non si valuta e non si aggiudica.",
    en: "This bid was excluded by the buyer ({reason}): it is not ranked, scored or awarded.",
  },
  "tender.exclusionReason": {
    it: "Scrivi perché l'offerta è esclusa, in al massimo {max} caratteri: lo leggono le sue imprese.",
    en: "Say why the bid is excluded, in at most {max} characters: its firms read it.",
  },
  "tender.awardedBid": {
    it: "Il lotto {lot} è già aggiudicato a questa offerta: un'esclusione non annulla l'aggiudicazione.",
    en: "Lot {lot} is already awarded to this bid: an award is not undone by an exclusion.",
  },
  "tender.notExcluded": {
    it: "Questa offerta non è esclusa.",
    en: "This bid is not excluded.",
  },
  "tender.exclusionStands": {
    it: "Il lotto {lot}, per cui concorreva questa offerta, è già deciso sulla graduatoria senza di essa: l'esclusione resta.",
    en: "Lot {lot}, which this bid was for, is already decided on the ranking without it: the exclusion stands.",
  },
  "tender.bidFailedIntegrity": {
    it: "Questa offerta non ha superato la verifica di integrità all'apertura: non si valuta.",
    en: "This bid failed its integrity check at opening: it is not evaluated.",
  },
  "tender.noSuchCriterion": {
    it: "Il criterio non esiste più: ricarica la pagina.",
    en: "The criterion no longer exists: reload the page.",
  },
  "tender.priceByFormula": {
    it: "Il prezzo si valuta con la formula, non a mano.",
    en: "The price is scored by formula, not by hand.",
  },
  "tender.bidDecided": {
    it: "Tutti i lotti di questa offerta sono già stati decisi.",
    en: "Every lot of this bid is already decided.",
  },
  "tender.points": {
    it: "I punti vanno da 0 a 100, con al massimo due decimali.",
    en: "Points go from 0 to 100, with at most two decimals.",
  },
  "tender.noSuchLot": { it: "Il lotto non esiste più: ricarica la pagina.", en: "The lot no longer exists: reload the page." },
  "tender.lotDecided": { it: "Questo lotto è già stato deciso.", en: "This lot is already decided." },
  "tender.unsuccessfulReason": {
    it: "Indica perché il lotto va deserto: il motivo sarà pubblico.",
    en: "Say why the lot is unsuccessful: the reason will be public.",
  },
  "tender.noSuchLotBid": {
    it: "L'offerta non è tra quelle aperte per il lotto: ricarica la pagina.",
    en: "The bid is not among the lot's opened bids: reload the page.",
  },
  "tender.scoreFirst": {
    it: "Prima assegna i punti a tutte le offerte del lotto su ogni criterio.",
    en: "Score every bid for this lot on every criterion first.",
  },
  "tender.awardBest": {
    it: "Un lotto si aggiudica all'offerta meglio classificata.",
    en: "A lot is awarded to its best-ranked bid.",
  },
  "tender.alreadyAwarded": {
    it: "Un lotto è già aggiudicato: la gara non può più essere annullata.",
    en: "A lot is already awarded: the tender can no longer be cancelled.",
  },
  "tender.cancelReason": {
    it: "Indica perché la gara è annullata: il motivo sarà pubblico.",
    en: "Say why the tender is cancelled: the reason will be public.",
  },
} satisfies RefusalTexts;
