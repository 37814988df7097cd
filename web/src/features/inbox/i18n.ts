// The texts of the inbox of tender notices. Italian first; `en` must have exactly its keys (the compiler checks it).
// src/i18n/index.ts composes the features' texts into the one table t() reads; all keys sharing a first word
// (`tender.`, `bid.`) live in one file.
export const it = {
  "inbox.title": "Avvisi di gara",
  "inbox.intro": "Le gare pubblicate negli spazi delle tue imprese che corrispondono alle loro competenze.",
  "inbox.empty": "Nessun avviso per {firm}.",
  "inbox.posts": "Dalla bacheca: annunci per le vostre competenze",
  "inbox.postIn": "Bacheca di {space} · pubblicato da {firm}",
  "inbox.noFirm": "Gli avvisi di gara arrivano alle imprese con competenze affini: registra la tua impresa e indica le sue competenze.",
  "inbox.buyer": "Questi avvisi arrivano alle imprese. Le gare di {buyer}, i quesiti delle imprese a cui rispondere e le rettifiche pubblicate sono in «I miei bandi».",
  "inbox.association": "Questi avvisi arrivano alle imprese. Le imprese iscritte agli spazi di {association}, le loro domande e le gare pubblicate sono negli spazi.",
  "inbox.unread": "Nuovo",
  "inbox.published": "Pubblicata il {when}",
  "inbox.deadline": "Offerte entro {when}",
  "inbox.lots": "I lotti che corrispondono alle competenze dell'impresa",
  "inbox.notice": "Nuova gara per le tue imprese:",
  "inbox.openInbox": "Vedi tutti gli avvisi",
};

export const en: Record<keyof typeof it, string> = {
  "inbox.title": "Tender inbox",
  "inbox.intro": "The tenders published in your firms' spaces that match their capabilities.",
  "inbox.empty": "No notices for {firm}.",
  "inbox.posts": "From the notice boards: posts for your capabilities",
  "inbox.postIn": "Board of {space} · posted by {firm}",
  "inbox.noFirm": "Tender notices go to firms with matching capabilities: register your firm and list its capabilities.",
  "inbox.buyer": "These notices go to firms. The tenders of {buyer}, the firms' questions waiting for your answer and the amendments you published are in “My tenders”.",
  "inbox.association": "These notices go to firms. The firms in the spaces of {association}, their applications and the tenders published there are in the spaces.",
  "inbox.unread": "New",
  "inbox.published": "Published {when}",
  "inbox.deadline": "Bids by {when}",
  "inbox.lots": "The lots that match the firm's capabilities",
  "inbox.notice": "A new tender for your firms:",
  "inbox.openInbox": "See all notices",
};
