// Refusals and notes of avvalimento (a firm relying on an auxiliary firm's requirements):
// Marketplace.Grains/Qualifications/QualificationRules.cs and Marketplace.Grains/JointBids/RelianceRules.cs.
import type { RefusalTexts } from "./texts";

export const avvalimento = {
  "avvalimento.notAllowed": {
    it: "La stazione appaltante non ammette l'avvalimento in questo lotto: nessuna impresa può avvalersi dei requisiti di un'altra.",
    en: "The buyer does not allow avvalimento in this lot: no firm may rely on another firm's qualifications for it.",
  },
  "avvalimento.changed": {
    it: "Qualcun altro ha salvato gli avvalimenti nel frattempo: rileggili.",
    en: "Another person saved the reliances meanwhile: read them again.",
  },
  "avvalimento.tooMany": {
    it: "Un'offerta congiunta dichiara al massimo {max:number} avvalimenti.",
    en: "A joint bid declares at most {max:number} reliances.",
  },
  "avvalimento.notABidder": {
    it: "Si avvale di un'ausiliaria solo un'impresa che partecipa all'offerta dell'alleanza.",
    en: "A firm relies on an auxiliary only when it bids in the alliance.",
  },
  "avvalimento.ownFirmsOnly": {
    it: "Solo la mandataria dichiara un avvalimento per un'altra impresa dell'alleanza; una mandante dichiara il proprio.",
    en: "Only the lead's people declare a reliance for another firm of the alliance; a member declares its own.",
  },
  "avvalimento.auxiliaryBids": {
    it: "L'ausiliaria è un'impresa dell'alleanza: porta i suoi requisiti come partecipante, non per avvalimento.",
    en: "The auxiliary is a firm of the alliance: it brings its requirements as a member, not by avvalimento.",
  },
  "avvalimento.auxiliaryNotInSpace": {
    it: "L'ausiliaria non è un'impresa aderente allo spazio dell'alleanza.",
    en: "The auxiliary is not a member firm of the alliance's space.",
  },
  "avvalimento.categoryNotHeld": {
    it: "L'ausiliaria non ha un'attestazione SOA valida in {category} di classe almeno {class}.",
    en: "The auxiliary holds no valid SOA attestation in {category} of at least class {class}.",
  },
  "avvalimento.figureNotHeld": {
    it: "La pagina dell'ausiliaria registra meno dell'importo prestato.",
    en: "The auxiliary's page records less than the amount lent.",
  },
  "avvalimento.classRequired": {
    it: "Indica la classe prestata.",
    en: "Give the class lent.",
  },
  "avvalimento.twice": {
    it: "Questa ausiliaria presta già questo requisito a questa impresa nel lotto {lot}.",
    en: "This auxiliary already lends this to this firm in lot {lot}.",
  },
  "avvalimento.noSuchContract": {
    it: "Il contratto di avvalimento è uno dei documenti dell'offerta: allegalo prima all'offerta.",
    en: "The avvalimento contract is one of the bid's documents: attach it to the bid first.",
  },
  "avvalimento.uncommitted": {
    it: "{auxiliary} non ha firmato il suo impegno sull'avvalimento del lotto {lot} così com'è (con il contratto di avvalimento).",
    en: "{auxiliary} has not signed its commitment to the reliance in lot {lot} as it stands (with its avvalimento contract).",
  },
  "avvalimento.notFound": {
    it: "In questa offerta non è dichiarato alcun avvalimento che tu possa vedere.",
    en: "No reliance you may see is declared in this joint bid.",
  },
  "avvalimento.notTheAuxiliary": {
    it: "Solo i titolari e i responsabili dell'impresa ausiliaria firmano l'impegno o lo rifiutano.",
    en: "Only the auxiliary firm's Owners and Managers commit to a reliance or decline it.",
  },
  "avvalimento.noContract": {
    it: "Il contratto di avvalimento non è ancora collegato a questo avvalimento: l'ausiliaria firma l'impegno con il contratto.",
    en: "No avvalimento contract is attached to this reliance yet: the auxiliary signs its commitment with the contract.",
  },
  "avvalimento.commitmentChanged": {
    it: "L'avvalimento o il suo contratto sono cambiati da quando li hai letti: rileggili e rispondi a ciò che dicono ora.",
    en: "The reliance or its contract changed since you read it: read it again and answer what it says now.",
  },
  "avvalimento.alreadyAnswered": {
    it: "La tua impresa ha già risposto a questo avvalimento così com'è.",
    en: "Your firm already answered this reliance as it stands.",
  },
  "avvalimento.closed": {
    it: "La gara non accetta più offerte: l'avvalimento non si può più confermare né rifiutare.",
    en: "The tender no longer takes bids: the reliance can no longer be answered.",
  },
} satisfies RefusalTexts;
