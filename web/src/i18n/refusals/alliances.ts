// Refusals of alliances: Marketplace.Grains/Alliances (AllianceState.cs) and the alliance endpoints.
import type { RefusalTexts } from "./texts";

export const alliances = {
  "alliance.notFound": {
    it: "Questa alleanza non esiste.",
    en: "This alliance does not exist.",
  },
  "alliance.notVisible": {
    it: "L'alleanza non esiste, oppure nessuna delle tue imprese ne fa parte o è stata invitata: solo le imprese dell'alleanza la vedono.",
    en: "The alliance does not exist, or none of your firms is in it or invited: only the alliance's firms see it.",
  },
  "alliance.exists": { it: "Questa alleanza esiste già.", en: "This alliance already exists." },
  "alliance.notTheLeadToForm": {
    it: "Solo il Titolare o un Gestore dell'impresa capofila forma un'alleanza per essa.",
    en: "Only the lead firm's Owners and Managers form an alliance for it.",
  },
  "alliance.noSuchFirm": { it: "Nessuna impresa ha questo identificativo.", en: "No firm has this id." },
  "alliance.leadNotInSpace": {
    it: "Solo le imprese membro dello spazio vi formano alleanze.",
    en: "Only member firms of the space form alliances in it.",
  },
  "alliance.noSuchTender": {
    it: "Nessuna gara pubblicata in questo spazio ha questo identificativo.",
    en: "No tender published in this space has this id.",
  },
  "alliance.tenderClosed": {
    it: "Questa gara non accetta più offerte: un'alleanza per essa non avrebbe nulla da fare.",
    en: "This tender no longer takes bids: an alliance for it would have nothing to do.",
  },
  "alliance.leadInOneForTender": {
    it: "L'impresa partecipa già a un'alleanza per questa gara: offre attraverso quella.",
    en: "This firm is already in an alliance for this tender: it bids through that one.",
  },
  "alliance.name": {
    it: "Il nome ha da {min:number} a {max:number} caratteri.",
    en: "The name is {min:number} to {max:number} characters long.",
  },
  "alliance.agreementText": {
    it: "Il testo dell'accordo è obbligatorio, al massimo {max:number} caratteri.",
    en: "The agreement terms are required, at most {max:number} characters.",
  },
  "alliance.inviteRole": {
    it: "Invita un'impresa come mandante o subappaltatore; il ruolo di capofila si passa.",
    en: "Invite a firm as Member or Subcontractor; the lead is handed over.",
  },
  "alliance.inviteeNotInSpace": {
    it: "Si possono invitare solo le imprese membro dello spazio dell'alleanza.",
    en: "Only member firms of the alliance's space can be invited.",
  },
  "alliance.alreadyIn": {
    it: "Questa impresa fa già parte dell'alleanza o è già invitata.",
    en: "This firm is already in the alliance or invited.",
  },
  "alliance.tooManyFirms": {
    it: "Un'alleanza ha al massimo {max:number} imprese.",
    en: "An alliance has at most {max:number} firms.",
  },
  "alliance.noInvitation": {
    it: "Questa impresa non ha un invito in sospeso.",
    en: "This firm has no pending invitation.",
  },
  "alliance.joinerNotInSpace": {
    it: "Aderiscono solo le imprese membro dello spazio dell'alleanza.",
    en: "Only member firms of the alliance's space join it.",
  },
  "alliance.agreementVersion": {
    it: "L'accordo è ora alla versione {version}: leggila e accetta quella.",
    en: "The agreement is now at version {version}: read it and accept that version.",
  },
  "alliance.joinWhileSubmitted": {
    it: "L'offerta congiunta è presentata: un'impresa aderisce quando la capofila la ritira.",
    en: "The joint bid is submitted: a firm joins once the lead withdraws it.",
  },
  "alliance.firmNotIn": { it: "Questa impresa non fa parte dell'alleanza.", en: "This firm is not in the alliance." },
  "alliance.leadLeaving": {
    it: "Per uscire, la capofila passa prima il ruolo a una mandante.",
    en: "The lead hands the lead role to another member before leaving.",
  },
  "alliance.bidSubmitted": {
    it: "L'offerta congiunta è presentata con questa impresa: prima la capofila la ritira.",
    en: "The joint bid is submitted with this firm in it: the lead withdraws it first.",
  },
  "alliance.bidClosed": {
    it: "Le offerte sono chiuse e l'offerta congiunta è stata presentata con questa impresa: l'impresa resta nell'RTI.",
    en: "Bids are closed and the joint bid was submitted with this firm in it: the firm stays in the RTI.",
  },
  "alliance.partnersClosed": {
    it: "Le offerte sono chiuse: nessuna impresa può più unirsi all'offerta congiunta.",
    en: "Bids are closed: no firm can join the joint bid any more.",
  },
  "alliance.leadRemoving": {
    it: "La capofila non può escludere sé stessa: prima passa il ruolo.",
    en: "The lead cannot remove itself; hand the lead over first.",
  },
  "alliance.removeReason": {
    it: "Indica il motivo, in al massimo {max:number} caratteri.",
    en: "Say why, in at most {max:number} characters.",
  },
  "alliance.newLead": {
    it: "Il ruolo di capofila passa a una mandante attiva (non a un subappaltatore) dell'alleanza.",
    en: "The lead goes to an active member (not a subcontractor) of the alliance.",
  },
  "alliance.handOverWhileSubmitted": {
    it: "L'offerta congiunta è presentata a nome dell'attuale capofila: il ruolo passa solo dopo che la capofila l'ha ritirata.",
    en: "The joint bid is submitted naming the current lead: the lead role passes only once the lead withdraws it.",
  },
  "alliance.handOverClosed": {
    it: "Le offerte sono chiuse e l'offerta congiunta è stata presentata a nome dell'attuale capofila: il ruolo non può più passare a un'altra impresa.",
    en: "Bids are closed and the joint bid was submitted naming the current lead: the lead role can no longer pass to another firm.",
  },
  "alliance.removeWhileSubmitted": {
    it: "L'offerta congiunta è presentata con tutte le imprese attive: un'impresa si esclude solo dopo che la capofila l'ha ritirata.",
    en: "The joint bid is submitted with every active firm in it: a firm is removed only once the lead withdraws it.",
  },
  "alliance.removeClosed": {
    it: "Le offerte sono chiuse e l'offerta congiunta è stata presentata con tutte le imprese attive: nessuna può più essere esclusa dall'RTI.",
    en: "Bids are closed and the joint bid was submitted with every active firm in it: none can be removed from the RTI.",
  },
  "alliance.alreadyAccepted": {
    it: "Questa impresa ha già accettato questa versione.",
    en: "This firm already accepted this version.",
  },
  "alliance.notTheLead": {
    it: "Solo il Titolare o un Gestore dell'impresa capofila può farlo.",
    en: "Only the lead firm's Owners and Managers may do this.",
  },
  "alliance.notTheFirm": {
    it: "Solo il Titolare o un Gestore dell'impresa agisce per essa.",
    en: "Only the firm's Owners and Managers act for it.",
  },
  "alliance.noAuditChain": {
    it: "Un'alleanza stabile non partecipa a una gara: non ha una catena di audit.",
    en: "A standing alliance bids for no tender: it has no audit chain.",
  },
  "alliance.noTenderToCover": {
    it: "Un'alleanza stabile non ha una gara da coprire.",
    en: "A standing alliance has no tender to cover.",
  },
  "alliance.notTheFirmsPeopleLedger": {
    it: "Solo le persone dell'impresa vedono le sue relazioni.",
    en: "Only the firm's people see its relationships.",
  },
  "alliance.notTheFirmsPeopleAlliances": {
    it: "Solo le persone dell'impresa vedono le sue alleanze.",
    en: "Only the firm's people see its alliances.",
  },
  "alliance.notARete": {
    it: "Questa alleanza è già un RTI per una gara: solo un'alleanza stabile (rete d'impresa) ne forma uno.",
    en: "This alliance is already an RTI for a tender: only a standing alliance (rete d'impresa) forms one.",
  },
  "alliance.reteFirmInOne": {
    it: "{firm} partecipa già a un'alleanza per questa gara: un'impresa offre in una sola alleanza per gara, quindi la rete non può formare un RTI con essa.",
    en: "{firm} is already in an alliance for this tender: a firm bids in one alliance per tender, so the network cannot form an RTI with it.",
  },
} satisfies RefusalTexts;
