// Refusals of bids: Marketplace.Grains/Tenders (BidState.cs, BidGrain.cs, TenderState.CheckAdmit), the bid endpoints
// and the storage's last guard (BidNotStoredException).
import type { RefusalTexts } from "./texts";

export const bids = {
  "bid.notTheBidder": {
    it: "Solo il Titolare o un Gestore dell'impresa offerente (per un'alleanza, della capofila) presenta o ritira la sua offerta.",
    en: "Only the Owners and Managers of the bidding firm (for an alliance, of its lead) submit or withdraw its bid.",
  },
  "bid.notFound": {
    it: "Questa offerta non esiste, o non puoi vederla.",
    en: "This bid does not exist, or you may not see it.",
  },
  "bid.tenderers": {
    it: "Un'offerta nomina ogni impresa una volta sola, con una sola capofila.",
    en: "A bid names its firms once each, with exactly one lead.",
  },
  "bid.aloneTenderer": {
    it: "Un'impresa che partecipa da sola è l'unica offerente.",
    en: "A firm bidding alone is the only tenderer.",
  },
  "bid.tenderersOfBidder": {
    it: "Gli offerenti sono l'impresa che partecipa, oppure la capofila e le mandanti della sua alleanza.",
    en: "The bid's tenderers are the firm bidding, or its alliance's lead and members.",
  },
  "bid.noSuchFirm": { it: "Nessuna impresa ha questo identificativo.", en: "No firm has this id." },
  "bid.firmNotEligible": {
    it: "{firm} non è membro di uno spazio in cui la gara è pubblicata.",
    en: "{firm} is not a member of a space this tender is published in.",
  },
  "bid.tenderCancelled": {
    it: "La gara è stata annullata: non si presentano offerte.",
    en: "The tender was cancelled: it takes no bids.",
  },
  "bid.tooEarly": {
    it: "Le offerte si presentano dalla chiusura del periodo dei quesiti ({deadline:dateTime}).",
    en: "Bids are taken from the end of the enquiry period ({deadline:dateTime}).",
  },
  "bid.deadlinePassed": {
    it: "Il termine di presentazione delle offerte ({deadline:dateTime}) è scaduto: l'offerta non è stata ricevuta.",
    en: "The submission deadline ({deadline:dateTime}) has passed: the bid was not received.",
  },
  "bid.lotBound": {
    it: "La tua impresa partecipa già al lotto {lot} nell'offerta congiunta di un'alleanza, o ne ha firmata una che lo comprende: un'impresa partecipa a un lotto una volta sola, da sola o in un'alleanza.",
    en: "Your firm already bids for lot {lot} in an alliance's joint bid, or signed one that covers it: a firm bids for a lot once, alone or in one alliance.",
  },
  "bid.noLots": {
    it: "Un'offerta indica il prezzo di almeno un lotto.",
    en: "A bid offers a price for at least one lot.",
  },
  "bid.noSuchLot": { it: "Il lotto non esiste più: ricarica la pagina.", en: "The lot no longer exists: reload the page." },
  "bid.lotTwice": { it: "Ogni lotto si offre una volta sola.", en: "Each lot is offered once." },
  "bid.lotCurrency": { it: "Questo lotto ha prezzi in {currency}.", en: "This lot is priced in {currency}." },
  "bid.answer": {
    it: "Rispondi a «{criterion}» in 1–{max:number} caratteri.",
    en: "Answer “{criterion}” in 1 to {max:number} characters.",
  },
  "bid.noSuchCriterion": {
    it: "Il criterio di qualità non esiste più: ricarica la pagina.",
    en: "The quality criterion no longer exists: reload the page.",
  },
  "bid.documentCount": {
    it: "Puoi allegare al massimo {max:number} documenti.",
    en: "You may attach at most {max:number} documents.",
  },
  "bid.quotaFirm": {
    it: "Una quota si dichiara per una delle imprese dell'offerta.",
    en: "A quota is declared for one of the bid's own firms.",
  },
  "bid.relianceFirm": {
    it: "Si avvale di un'ausiliaria solo un'impresa dell'offerta.",
    en: "A firm relies on an auxiliary only when it is one of the bid's own firms.",
  },
  "bid.nothingToWithdraw": {
    it: "Non c'è un'offerta presentata da ritirare.",
    en: "There is no submitted bid to withdraw.",
  },
  "bid.withdrawFromWorkspace": {
    it: "L'offerta di un'alleanza la ritira la capofila dallo spazio di lavoro dell'alleanza.",
    en: "An alliance's bid is withdrawn by its lead from the alliance's workspace.",
  },
  "bid.noSuchDocument": {
    it: "Questa offerta non ha un documento con questo identificativo.",
    en: "This bid has no document with this id.",
  },
  "bid.notOpened": {
    it: "L'offerta non è ancora stata aperta: i risultati arrivano dopo il termine di presentazione.",
    en: "The bid has not been opened: results come after the submission deadline.",
  },
  "bid.excluded": {
    it: "L'offerta è stata esclusa all'apertura perché non corrispondeva alla sua ricevuta: non entra in graduatoria.",
    en: "The bid was excluded at opening because it did not match its receipt: it is not ranked.",
  },
  "bid.excludedByBuyer": {
    it: "Il committente ha escluso l'offerta il {at:dateTime}: {reason}. Non entra in graduatoria.",
    en: "The buyer excluded the bid on {at:dateTime}: {reason}. It is not ranked.",
  },
  "bid.notTheEvaluator": {
    it: "Solo il Titolare o un Gestore del committente valuta le offerte.",
    en: "Only the buyer's Owners and Managers evaluate its bids.",
  },
  "bid.sealed": {
    it: "Le offerte restano sigillate fino al termine di presentazione.",
    en: "The bids are sealed until the submission deadline.",
  },
  "bid.notTheFirmsPeople": {
    it: "Solo le persone dell'impresa vedono le sue offerte.",
    en: "Only the firm's people see its bids.",
  },
} satisfies RefusalTexts;
