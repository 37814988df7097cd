// Refusals of reports to a space's association and of its moderation queue: Marketplace.Grains/Reports (ReportRules.cs)
// and Marketplace.Server/Endpoints/ReportEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const reports = {
  "report.notYourFirm": {
    it: "Segnali solo a nome di un'impresa per cui agisci.",
    en: "You report only for a firm you act for.",
  },
  "report.notFound": {
    it: "Non c'è un annuncio, un progetto o un'impresa visibile a te con questo identificativo.",
    en: "There is no post, project or firm you may see with this id.",
  },
  "report.ownSubject": {
    it: "La tua impresa non segnala sé stessa né i propri annunci e progetti.",
    en: "Your firm does not report itself, nor its own posts and projects.",
  },
  "report.noSharedSpace": {
    it: "La tua impresa e quella che segnali non aderiscono allo stesso spazio: una segnalazione va all'associazione di uno spazio a cui aderite entrambe.",
    en: "Your firm and the firm you report are not members of the same space: a report goes to the association of a space you are both members of.",
  },
  "report.chooseSpace": {
    it: "La tua impresa e quella che segnali aderiscono a più spazi: scegli l'associazione a cui segnalare.",
    en: "Your firm and the firm you report are both members of several spaces: choose the association you report to.",
  },
  "report.spaceNotShared": {
    it: "La tua impresa e quella che segnali non aderiscono entrambe a questo spazio.",
    en: "Your firm and the firm you report are not both members of this space.",
  },
  "report.alreadyOpen": {
    it: "La tua impresa ha già segnalato questo contenuto e l'associazione non ha ancora esaminato la segnalazione.",
    en: "Your firm has already reported this, and the association has not examined the report yet.",
  },
  "report.textLength": {
    it: "Quello che aggiungi è lungo al massimo {max:number} caratteri.",
    en: "What you add is at most {max:number} characters long.",
  },
  "report.tooMany": {
    it: "Hai inviato {max:number} segnalazioni nelle ultime 24 ore: l'associazione le esamina prima che tu ne invii altre.",
    en: "You filed {max:number} reports in the last 24 hours: the association examines them before you file more.",
  },
  "report.notAdmin": {
    it: "Solo gli amministratori dello spazio vedono ed esaminano le sue segnalazioni.",
    en: "Only the space's admins see and examine its reports.",
  },
  "report.nothingOpen": {
    it: "Nessuna segnalazione su questo contenuto è in attesa: forse un altro amministratore l'ha appena esaminata.",
    en: "No report about this is waiting: another admin may have just examined it.",
  },
  "report.decisionReason": {
    it: "Spiega il motivo, da 1 a {max:number} caratteri: lo leggono le imprese che hanno segnalato.",
    en: "Say why, in 1 to {max:number} characters: the firms that reported it read it.",
  },
  "report.firmNotHidden": {
    it: "Un'impresa non si nasconde: archivia la segnalazione, oppure sospendi l'impresa dagli aderenti dello spazio.",
    en: "A firm is not hidden: dismiss the report, or suspend the firm from the space's members.",
  },
  "report.outcome": {
    it: "Nascondi il contenuto segnalato oppure archivia la segnalazione.",
    en: "Hide what was reported, or dismiss the report.",
  },
} satisfies RefusalTexts;
