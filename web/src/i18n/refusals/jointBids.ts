// Refusals of joint bids: Marketplace.Grains/JointBids (JointBidState.cs, JointBidGrain.cs), the joint bid endpoints
// and the storage's last guard on sign-offs (BidNotStoredException). Each reason the lead may not submit has its own code.
import type { RefusalTexts } from "./texts";

export const jointBids = {
  "jointBid.notFound": {
    it: "L'offerta congiunta non è visibile: la tua impresa potrebbe non far più parte dell'alleanza.",
    en: "The joint bid is not visible to you: your firm may no longer be in the alliance.",
  },
  "jointBid.notAnEditor": {
    it: "Solo il Titolare o un Gestore di un'impresa attiva dell'alleanza modifica l'offerta congiunta.",
    en: "Only the Owners and Managers of the alliance's active firms edit its bid.",
  },
  "jointBid.closed": {
    it: "La gara non accetta più offerte: l'offerta congiunta è chiusa.",
    en: "The tender no longer takes bids: the joint bid is closed.",
  },
  "jointBid.packageTitle": {
    it: "Il titolo del pacchetto è obbligatorio e può avere al massimo {max:number} caratteri.",
    en: "A work package has a title of at most {max:number} characters.",
  },
  "jointBid.tooLong": { it: "Al massimo {max:number} caratteri.", en: "At most {max:number} characters." },
  "jointBid.noSuchLot": { it: "Scegli un lotto della gara.", en: "Choose a lot of the tender." },
  "jointBid.packageFirm": {
    it: "Affida il pacchetto a un'impresa attiva dell'alleanza.",
    en: "Give the work package to an active firm of the alliance.",
  },
  "jointBid.lotCurrency": { it: "Questo lotto ha prezzi in {currency}.", en: "This lot is priced in {currency}." },
  "jointBid.noSuchPackage": {
    it: "Il pacchetto è stato eliminato nel frattempo.",
    en: "The work package was deleted meanwhile.",
  },
  "jointBid.packageChanged": {
    it: "Qualcun altro ha salvato il pacchetto «{title}» nel frattempo (versione {version}): ecco quella attuale.",
    en: "Someone else saved the work package “{title}” meanwhile (version {version}); here is the current one.",
  },
  "jointBid.notThePackageOwner": {
    it: "Questo pacchetto è di un'altra impresa: solo il suo Titolare o un Gestore lo modifica o lo elimina (la capofila può affidarlo a un'altra impresa).",
    en: "This work package belongs to another firm: only its Owners and Managers change or delete it (the lead may give it to another firm).",
  },
  "jointBid.notTheLeadToReassign": {
    it: "Un'impresa aggiunge e tiene i pacchetti per sé: solo la capofila affida lavoro a un'altra impresa.",
    en: "A firm adds and keeps work packages for itself: only the lead gives work to another firm.",
  },
  "jointBid.packageChangedBeforeDelete": {
    it: "Non eliminato: qualcun altro ha salvato questo pacchetto nel frattempo (versione {version}). Controlla la versione attuale.",
    en: "Not deleted: someone else saved this work package meanwhile (version {version}). Check the current version.",
  },
  "jointBid.tooManyPackages": {
    it: "L'offerta può avere al massimo {max:number} pacchetti di lavoro.",
    en: "A joint bid has at most {max:number} work packages.",
  },
  "jointBid.noSuchCriterion": {
    it: "Questo criterio non esiste o non è di qualità: ricarica la pagina.",
    en: "This criterion does not exist or is not a quality criterion: reload the page.",
  },
  "jointBid.answerText": {
    it: "La risposta deve avere da 1 a {max:number} caratteri.",
    en: "An answer is 1 to {max:number} characters long.",
  },
  "jointBid.answerChanged": {
    it: "Qualcun altro ha salvato questa risposta nel frattempo: ecco quella attuale.",
    en: "Someone else saved this answer meanwhile; here is the current one.",
  },
  "jointBid.notTheAttacher": {
    it: "Un'impresa allega solo i propri file, tramite il suo Titolare o un Gestore.",
    en: "A firm attaches its own files, by its Owners and Managers.",
  },
  "jointBid.noFiles": { it: "Scegli almeno un file da allegare.", en: "Choose at least one file." },
  "jointBid.alreadyAttached": { it: "{name} è già allegato.", en: "{name} is already attached." },
  "jointBid.tooManyFiles": {
    it: "Un'offerta ha al massimo {max:number} documenti.",
    en: "A bid carries at most {max:number} documents.",
  },
  "jointBid.noSuchDocument": {
    it: "Il file non è (più) allegato all'offerta congiunta.",
    en: "The file is not (or no longer) attached to the joint bid.",
  },
  "jointBid.notTheDetacher": {
    it: "Solo l'impresa che ha allegato il file, o la capofila, può toglierlo (tramite il Titolare o un Gestore).",
    en: "The firm that attached a file, or the lead, takes it off (by its Owners and Managers).",
  },
  "jointBid.notASigner": {
    it: "Solo la capofila e le mandanti approvano l'offerta, ciascuna tramite il proprio Titolare o un Gestore.",
    en: "Only the lead and the members sign the joint bid, each by its own Owners and Managers.",
  },
  "jointBid.nothingToSign": {
    it: "Non c'è ancora nulla da approvare: aggiungi prima i pacchetti di lavoro.",
    en: "There is nothing to sign yet: add the work packages first.",
  },
  "jointBid.signerAgreement": {
    it: "Prima accetta l'accordo dell'alleanza (versione {version}): un'impresa approva l'offerta alle condizioni in vigore.",
    en: "Accept the alliance's agreement (version {version}) first: a firm signs the bid under the terms in force.",
  },
  "jointBid.signChanged": {
    it: "L'offerta è cambiata da quando l'hai letta: rileggi la versione attuale e approva quella.",
    en: "The joint bid changed since you read it: review the current version and sign that.",
  },
  "jointBid.alreadySigned": {
    it: "Questa impresa ha già approvato questa versione.",
    en: "This firm already signed this version.",
  },
  "jointBid.signOffLotBound": {
    it: "La tua impresa partecipa già al lotto {lot}, o ha approvato l'offerta congiunta di un'altra alleanza che lo comprende: un'impresa partecipa a un lotto una volta sola, da sola o in un'alleanza, quindi non può approvare questa.",
    en: "Your firm already bids for lot {lot}, or signed another alliance's joint bid that covers it: a firm bids for a lot once, alone or in one alliance, so it cannot sign this one.",
  },
  "jointBid.partnerLotBound": {
    it: "L'offerta congiunta non è stata registrata: un'impresa dell'alleanza non può partecipare con essa a uno dei suoi lotti. Le persone di ciascuna impresa ne conoscono il motivo quando la approvano.",
    en: "The joint bid was not stored: a firm of the alliance may not bid for one of its lots in it. Each firm's people are told why when they sign it.",
  },
  "jointBid.notTheLeadToSubmit": {
    it: "Solo il Titolare o un Gestore della capofila presenta l'offerta congiunta.",
    en: "Only the lead's Owners and Managers submit the joint bid.",
  },
  "jointBid.notTheLeadToWithdraw": {
    it: "Solo il Titolare o un Gestore della capofila ritira l'offerta congiunta.",
    en: "Only the lead's Owners and Managers withdraw the joint bid.",
  },
  "jointBid.unsigned": {
    it: "Imprese che non hanno ancora approvato la versione attuale: {count:number}. Si presenta quando l'hanno approvata tutte.",
    en: "Firms that have not yet signed the current version: {count:number}. It is submitted once all of them have.",
  },
  "jointBid.agreementNotAccepted": {
    it: "Ogni impresa offerente accetta l'accordo dell'alleanza (versione {version}) prima che l'offerta sia presentata.",
    en: "Every bidding firm accepts the alliance's agreement (version {version}) before the bid goes in.",
  },
  "jointBid.removedLot": {
    it: "Alcuni pacchetti o quote sono per un lotto che la gara non ha più (è stata rettificata): spostali o eliminali prima.",
    en: "Some work packages or quotas are for a lot the tender no longer has (it was amended): move or delete them first.",
  },
  "jointBid.departedFirm": {
    it: "Alcuni pacchetti, file o quote sono di un'impresa che non fa più parte dell'alleanza: riassegnali o toglili prima.",
    en: "Some work packages, files or quotas belong to a firm no longer in the alliance: reassign or remove them first.",
  },
  "jointBid.unanswered": {
    it: "Rispondi a ogni criterio di qualità prima di presentare l'offerta: {criteria}.",
    en: "Answer every quality criterion before submitting: {criteria}.",
  },
  "jointBid.dgueChanged": {
    it: "{firms} ha cambiato il DGUE dopo aver approvato l'offerta: l'approvazione non vale più e l'impresa approva di nuovo.",
    en: "{firms} changed the DGUE after signing: the sign-off no longer counts, and the firm signs the bid again.",
  },
  "jointBid.dgueMissing": {
    it: "{firms}: DGUE mancante. I titolari o i gestori dell'impresa lo compilano nella sua pagina prima che l'offerta sia presentata.",
    en: "{firms}: no DGUE yet. The firm's Owners or Managers answer it on its page before the bid goes in.",
  },
  "jointBid.dgueStale": {
    it: "{firms}: DGUE confermato più di sei mesi fa. I titolari o i gestori dell'impresa lo confermano di nuovo nella sua pagina prima che l'offerta sia presentata.",
    en: "{firms}: DGUE confirmed more than six months ago. The firm's Owners or Managers confirm it again on its page before the bid goes in.",
  },
  "jointBid.alreadySubmitted": {
    it: "Questa versione è già stata presentata: una modifica, approvata di nuovo da tutte le imprese, si presenta di nuovo.",
    en: "This very content is already submitted: a change, signed again by every firm, is submitted again.",
  },
} satisfies RefusalTexts;
