// Refusals of spaces: Marketplace.Grains/Spaces (SpaceRules.cs, SpaceState.cs, MembershipState.cs, SpaceBuyerState.cs),
// the space endpoints and the directory search (Marketplace.Data/ReadModels/DirectorySearch.cs).
import type { RefusalTexts } from "./texts";

export const spaces = {
  "space.notFound": { it: "Questo spazio non esiste più.", en: "This space no longer exists." },
  "space.notAdmin": {
    it: "Solo gli amministratori dello spazio possono farlo.",
    en: "Only the space's admins may do this.",
  },
  "space.adminsOnly": { it: "Solo gli amministratori dello spazio possono vederlo.", en: "Only the space's admins may see this." },
  "space.membersOnly": {
    it: "Questo spazio mostra i suoi membri solo ai membri.",
    en: "This space shows its members to its members only.",
  },
  "space.alreadyExists": { it: "Questo spazio esiste già.", en: "This space already exists." },
  "space.hostNotAssociation": { it: "Solo un'associazione può ospitare uno spazio.", en: "Only an association can host a space." },
  "space.notHostEditor": {
    it: "Solo i titolari e i gestori dell'associazione creano i suoi spazi.",
    en: "Only the association's Owners and Managers may create its spaces.",
  },
  "space.changedMeanwhile": {
    it: "Qualcun altro ha modificato lo spazio nel frattempo (hai modificato la versione {expected}, quella attuale è la {current}): ricarica la pagina e riprova.",
    en: "Someone else changed the space meanwhile (you edited version {expected}, the current one is {current}): reload the page and try again.",
  },
  "space.notModeratorAppointer": {
    it: "Solo i titolari e i gestori dell'associazione nominano i moderatori.",
    en: "Only the association's Owners and Managers appoint moderators.",
  },
  "space.noSuchUser": {
    it: "Nessun utente registrato ha questo indirizzo e-mail: chi vuoi aggiungere deve prima registrarsi.",
    en: "No registered user has this e-mail address: the person must sign up first.",
  },
  "space.alreadyModerator": { it: "È già moderatore.", en: "Already a moderator." },
  "space.notModerator": { it: "Non è moderatore.", en: "Not a moderator." },
  "space.nameLength": {
    it: "Il nome dello spazio è obbligatorio e deve avere da {min:number} a {max:number} caratteri.",
    en: "The space's name is required and must be {min:number} to {max:number} characters long.",
  },
  "space.descriptionLength": {
    it: "La descrizione può avere al massimo {max:number} caratteri.",
    en: "The description can be at most {max:number} characters long.",
  },
  "space.visibility": {
    it: "Scegli chi vede l'elenco dei membri: tutti o solo i membri.",
    en: "Choose who sees the member list: everyone or members only.",
  },
  "space.minimumTendering": {
    it: "Il periodo minimo per le offerte va da 0 a {max:number} giorni.",
    en: "The minimum tendering period is 0 to {max:number} days.",
  },
  "space.provinceUnknown": {
    it: "{code} non è la sigla di una provincia italiana: rimuovila e sceglila dall'elenco.",
    en: "{code} is not an Italian province: remove it and pick one from the list.",
  },
  "space.territoryCount": { it: "Puoi indicare al massimo {max:number} voci.", en: "You can list at most {max:number} entries." },
  "space.policyText": {
    it: "Il testo del regolamento è obbligatorio e può avere al massimo {max:number} caratteri.",
    en: "The policy text is required and can be at most {max:number} characters long.",
  },
  "space.reasonMissing": { it: "Indica il motivo: l'impresa lo vedrà.", en: "Give a reason: the firm will see it." },
  "space.reasonLength": {
    it: "Il motivo può avere al massimo {max:number} caratteri.",
    en: "The reason can be at most {max:number} characters long.",
  },
  "space.messageLength": {
    it: "Il messaggio può avere al massimo {max:number} caratteri.",
    en: "The message can be at most {max:number} characters long.",
  },
  "space.policyChanged": {
    it: "Il regolamento è ora alla versione {version}: leggilo e accetta quella versione.",
    en: "The policy is now at version {version}: read it and accept that version.",
  },
  "space.notCurrentPolicy": {
    it: "La versione attuale del regolamento è la {version}: ricarica la pagina e riprova.",
    en: "The current policy version is {version}: reload the page and try again.",
  },
  "space.alreadyApplied": {
    it: "La domanda di questa impresa è già in attesa.",
    en: "This firm's application is already pending.",
  },
  "space.alreadyMember": { it: "Questa impresa è già membro.", en: "This firm is already a member." },
  "space.suspended": {
    it: "Questa impresa è sospesa; gli amministratori dello spazio possono riammetterla.",
    en: "This firm is suspended; the space's admins can reinstate it.",
  },
  "space.nothingToWithdraw": {
    it: "Non c'è una domanda o un invito in sospeso da ritirare.",
    en: "There is no pending application or invitation to withdraw from.",
  },
  "space.notMember": { it: "Questa impresa non è membro dello spazio.", en: "This firm is not a member of the space." },
  "space.policyAlreadyAccepted": {
    it: "Questa impresa ha già accettato la versione {version} del regolamento.",
    en: "This firm has already accepted version {version} of the policy.",
  },
  "space.onlyMembersAccept": {
    it: "Solo i membri accettano le versioni del regolamento.",
    en: "Only members accept policy versions.",
  },
  "space.decisionUnknown": {
    it: "Decisione non riconosciuta: ricarica la pagina e riprova.",
    en: "Unknown decision: reload the page and try again.",
  },
  "space.decisionNotAllowed": {
    it: "La posizione dell'impresa è cambiata ({status}): questa decisione non si applica più. Ricarica la pagina.",
    en: "The firm's standing has changed ({status}): this decision no longer applies. Reload the page.",
  },
  "space.decisionUnknownFirm": {
    it: "Questa impresa non è nota allo spazio: la decisione non si applica.",
    en: "This firm is not known to the space: the decision does not apply.",
  },
  "space.inviteNotAFirm": {
    it: "Solo un'impresa registrata come Impresa può essere invitata.",
    en: "Only a registered firm can be invited.",
  },
  "space.memberNotAFirm": {
    it: "Solo un'impresa registrata come Impresa può essere membro di uno spazio.",
    en: "Only a registered firm can be a member of a space.",
  },
  "space.alreadyInvited": {
    it: "Questa impresa è già invitata: attende che accetti il regolamento.",
    en: "This firm is already invited and has yet to accept the policy.",
  },
  "space.hasApplied": {
    it: "Questa impresa ha fatto domanda: approva la sua domanda invece.",
    en: "This firm has applied: approve its application instead.",
  },
  "space.vouchNotMember": {
    it: "Si può garantire solo per un membro attuale.",
    en: "Only a current member can be vouched for.",
  },
  "space.nothingToVouch": {
    it: "Il profilo dell'impresa non indica la dimensione o la partita IVA da garantire: chiedi all'impresa di completarlo.",
    en: "The firm's profile gives no size class or no VAT number to vouch for: ask the firm to complete it.",
  },
  "space.alreadyVouched": {
    it: "L'associazione garantisce già questi dati.",
    en: "The association already vouches for these values.",
  },
  "space.noVouch": { it: "Non c'è una garanzia da revocare.", en: "There is no vouch to revoke." },
  "space.qualificationsNotFound": {
    it: "Questo spazio non ha un'impresa membro con queste qualificazioni.",
    en: "This space has no member firm with these qualifications.",
  },
  "space.attestationNotRecorded": {
    it: "L'impresa non registra un'attestazione SOA in {category}.",
    en: "The firm records no SOA attestation in {category}.",
  },
  "space.figuresNotRecorded": {
    it: "L'impresa non registra fatturato e lavori analoghi.",
    en: "The firm records no turnover and similar work.",
  },
  "space.qualificationsChanged": {
    it: "L'impresa ha modificato le sue qualificazioni nel frattempo: rileggile prima di verificarle.",
    en: "The firm changed its qualifications meanwhile: read them again before checking them.",
  },
  "space.alreadyChecked": {
    it: "L'associazione ha già verificato questi dati così come sono ora.",
    en: "The association has already checked this as the firm records it now.",
  },
  "space.noCheck": { it: "Non c'è una verifica da ritirare.", en: "There is no check to withdraw." },
  "space.notFirmEditor": {
    it: "Solo i titolari e i gestori dell'impresa possono farlo.",
    en: "Only the firm's Owners and Managers may do this.",
  },
  "spaceBuyer.alreadyRequested": {
    it: "Questo committente ha già chiesto di pubblicare in questo spazio; gli amministratori non hanno ancora deciso.",
    en: "This buyer has already asked to publish in this space; its admins have not decided yet.",
  },
  "spaceBuyer.alreadyApprovedToPublish": {
    it: "Questo committente è già autorizzato a pubblicare in questo spazio.",
    en: "This buyer is already approved to publish in this space.",
  },
  "spaceBuyer.alreadyMandated": {
    it: "Gli amministratori dello spazio hanno già il mandato di questo committente.",
    en: "The space's admins already hold this buyer's mandate.",
  },
  "spaceBuyer.noMandate": {
    it: "Gli amministratori dello spazio non hanno un mandato di questo committente.",
    en: "The space's admins hold no mandate from this buyer.",
  },
  "spaceBuyer.notAdmin": {
    it: "Solo gli amministratori dello spazio approvano i committenti o revocano la loro autorizzazione.",
    en: "Only the space's admins approve buyers or revoke their approval.",
  },
  "spaceBuyer.decisionUnknown": { it: "Scegli se approvare o revocare.", en: "Approve or Revoke." },
  "spaceBuyer.notRequested": {
    it: "Questo committente non ha chiesto di pubblicare in questo spazio.",
    en: "This buyer has not asked to publish in this space.",
  },
  "spaceBuyer.alreadyApproved": { it: "Questo committente è già autorizzato.", en: "This buyer is already approved." },
  "spaceBuyer.revokedAskAgain": {
    it: "L'autorizzazione è stata revocata: prima il committente deve chiederla di nuovo.",
    en: "The approval was revoked: the buyer asks again first.",
  },
  "spaceBuyer.alreadyRevoked": {
    it: "L'autorizzazione di questo committente è già revocata.",
    en: "This buyer's approval is already revoked.",
  },
  "spaceBuyer.notBuyerEditor": {
    it: "Solo i titolari e i gestori del committente chiedono di pubblicare in uno spazio e concedono o revocano i suoi mandati.",
    en: "Only the buyer's Owners and Managers ask to publish in a space and grant or revoke its mandates.",
  },
  "spaceBuyer.notABuyer": { it: "Solo un committente pubblica gare.", en: "Only a buyer publishes tenders." },
  "spaceBuyer.notTheBuyers": {
    it: "Solo le persone del committente vedono i suoi spazi e mandati.",
    en: "Only the buyer's people see its spaces and mandates.",
  },
  "directory.cpvPrefix": {
    it: "Scrivi un codice CPV o le sue prime cifre (almeno la divisione, ad es. 45), oppure scegli una voce dall'elenco.",
    en: "Write a CPV code or its first digits (at least the division, e.g. 45), or pick an entry from the list.",
  },
  "directory.provinceUnknown": { it: "Provincia non riconosciuta: sceglila dall'elenco.", en: "Unknown province: pick it from the list." },
  "directory.regionUnknown": { it: "Regione non riconosciuta: sceglila dall'elenco.", en: "Unknown region: pick it from the list." },
  "directory.radius": { it: "Il raggio va da 1 a {max:number} km.", en: "The radius is 1 to {max:number} km." },
  "directory.sizeUnknown": { it: "Scegli una dimensione dall'elenco.", en: "Pick a size from the list." },
} satisfies RefusalTexts;
