// Refusals and warnings of a joint bid's quotas: Marketplace.Grains/JointBids/QuotaRules.cs. The warnings
// (quota.executionDiffers, quota.packagesDiffer, quota.missing, quota.overQualification) stop nothing: the page shows
// them to the firms before they sign; {firm} is filled with the firm's name by the page.
import type { RefusalTexts } from "./texts";

export const quotas = {
  "quota.percent": {
    it: "Una quota è una percentuale maggiore di 0 e fino a 100, con al massimo due decimali.",
    en: "A quota is a percentage above 0 and up to 100, with at most two decimals.",
  },
  "quota.required": {
    it: "Indica entrambe le quote, di partecipazione e di esecuzione.",
    en: "Give both quotas, participation and execution.",
  },
  "quota.noSuchLot": {
    it: "La gara non ha un lotto con questo numero.",
    en: "No lot of the tender has this number.",
  },
  "quota.notABidder": {
    it: "Le quote si dichiarano per le imprese che partecipano all'offerta dell'alleanza.",
    en: "Quotas are declared for the firms that bid in the alliance.",
  },
  "quota.twice": {
    it: "Questa impresa ha già le sue quote nel lotto {lot}.",
    en: "This firm already has quotas in lot {lot}.",
  },
  "quota.tooMany": {
    it: "Un'offerta congiunta dichiara al massimo {max:number} quote.",
    en: "A joint bid declares at most {max:number} quotas.",
  },
  "quota.participationSum": {
    it: "Le quote di partecipazione del lotto {lot} sommano {sum:number}%: devono fare 100%.",
    en: "The participation quotas of lot {lot} add up to {sum:number}%: they must add up to 100%.",
  },
  "quota.executionSum": {
    it: "Le quote di esecuzione del lotto {lot} sommano {sum:number}%: devono fare 100%.",
    en: "The execution quotas of lot {lot} add up to {sum:number}%: they must add up to 100%.",
  },
  "quota.leadNotLargest": {
    it: "Nel lotto {lot} la quota di partecipazione della mandataria ({lead:number}%) deve essere maggiore di quella di ogni altra impresa ({other:number}%).",
    en: "In lot {lot} the lead firm's participation quota ({lead:number}%) must be larger than any other firm's ({other:number}%).",
  },
  "quota.changed": {
    it: "Qualcun altro ha salvato le quote nel frattempo (versione {version}): ecco quelle attuali.",
    en: "Someone else saved the quotas meanwhile (version {version}); here are the current ones.",
  },
  "quota.executionDiffers": {
    it: "Lotto {lot}: la quota di esecuzione di {firm} ({execution:number}%) è diversa dalla sua quota di partecipazione ({participation:number}%).",
    en: "Lot {lot}: {firm}'s execution quota ({execution:number}%) differs from its participation quota ({participation:number}%).",
  },
  "quota.packagesDiffer": {
    it: "Lotto {lot}: i pacchetti di {firm} valgono il {share:number}% del prezzo del lotto, la sua quota di esecuzione è {execution:number}%.",
    en: "Lot {lot}: {firm}'s work packages come to {share:number}% of the lot's price, its execution quota is {execution:number}%.",
  },
  "quota.missing": {
    it: "Il lotto {lot} ha pacchetti di lavoro ma nessuna quota: dichiara la quota di partecipazione e di esecuzione di ogni impresa.",
    en: "Lot {lot} has work packages but no quotas: declare each firm's participation and execution quota.",
  },
  "quota.overQualification": {
    it: "Lotto {lot}: la quota di esecuzione di {firm} ({execution:number}%, {amount:money}) supera quanto copre la sua qualificazione ({covered:money}).",
    en: "Lot {lot}: {firm}'s execution quota ({execution:number}%, {amount:money}) is more than its qualification covers ({covered:money}).",
  },
} satisfies RefusalTexts;
