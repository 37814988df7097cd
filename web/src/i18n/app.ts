// The texts of the app's frame and what every page shares: navigation, language, loading, errors, search, live status
// and confirmations. Italian first; `en` must have exactly its keys (the compiler checks it). src/i18n/index.ts
// composes the features' texts into the one table t() reads; all keys sharing a first word (`tender.`, `bid.`) live in
// one file.
export const it = {
  "nav.label": "Navigazione principale",
  "nav.directory": "Elenco imprese",
  "nav.myBusinesses": "Le mie imprese",
  "nav.newBusiness": "Nuova impresa",
  "nav.spaces": "Spazi",
  "nav.tenders": "Bandi",
  "nav.login": "Accedi",
  "nav.register": "Registrati",
  "nav.logout": "Esci",
  "nav.account": "Il mio account",

  "lang.label": "Lingua",
  "lang.it": "Italiano",
  "lang.en": "English",

  "common.loading": "Caricamento…",
  "common.dismiss": "Chiudi",
  "common.skipToContent": "Salta al contenuto",
  "filePicker.chooseOne": "Scegli un file",
  "filePicker.chooseMany": "Scegli i file",
  "filePicker.none": "Nessun file scelto",
  "common.backToDirectory": "Torna all'elenco delle imprese",

  "notFound.title": "Pagina non trovata",

  "error.load": "Impossibile caricare i dati. Riprova tra poco.",
  "error.network": "Il server non risponde. Controlla la connessione e riprova.",
  "error.signedOut": "La sessione è scaduta: accedi di nuovo e riprova.",
  "error.unexpected": "Si è verificato un errore imprevisto. Ricarica la pagina e riprova.",

  "form.invalid": "Controlla i campi evidenziati.",

  "search.noResults": "Nessun risultato",
  "search.failed": "Ricerca non riuscita, riprova.",

  "live.connecting": "Connessione…",
  "live.connected": "In diretta",
  "live.reconnecting": "Riconnessione…",
  "live.disconnected": "Non in diretta",
  "live.hint": "Le modifiche al profilo compaiono qui senza ricaricare la pagina.",

  "common.back": "Indietro",

  "confirm.cancel": "Annulla",

  "nav.inbox": "Avvisi",
  "nav.myTenders": "I miei bandi",
  "nav.todo": "Da fare",
  "nav.todoCount.one": "{n} cosa da fare",
  "nav.todoCount.other": "{n} cose da fare",
  "nav.inboxUnread.one": "{n} avviso di gara non letto",
  "nav.inboxUnread.other": "{n} avvisi di gara non letti",
};

export const en: Record<keyof typeof it, string> = {
  "nav.label": "Main navigation",
  "nav.directory": "Directory",
  "nav.myBusinesses": "My businesses",
  "nav.newBusiness": "New business",
  "nav.spaces": "Spaces",
  "nav.tenders": "Tenders",
  "nav.login": "Log in",
  "nav.register": "Register",
  "nav.logout": "Logout",
  "nav.account": "My account",

  "lang.label": "Language",
  "lang.it": "Italiano",
  "lang.en": "English",

  "common.loading": "Loading…",
  "common.dismiss": "Dismiss",
  "common.skipToContent": "Skip to content",
  "filePicker.chooseOne": "Choose a file",
  "filePicker.chooseMany": "Choose files",
  "filePicker.none": "No file chosen",
  "common.backToDirectory": "Back to the directory",

  "notFound.title": "Page not found",

  "error.load": "Could not load the data. Please try again shortly.",
  "error.network": "The server is not answering. Check your connection and try again.",
  "error.signedOut": "Your session has expired: sign in again and retry.",
  "error.unexpected": "Something unexpected went wrong. Reload the page and try again.",

  "form.invalid": "Please check the highlighted fields.",

  "search.noResults": "No results",
  "search.failed": "Search failed, please try again.",

  "live.connecting": "Connecting…",
  "live.connected": "Live",
  "live.reconnecting": "Reconnecting…",
  "live.disconnected": "Not live",
  "live.hint": "Changes to this profile appear here without reloading the page.",

  "common.back": "Back",

  "confirm.cancel": "Cancel",

  "nav.inbox": "Inbox",
  "nav.myTenders": "My tenders",
  "nav.todo": "To do",
  "nav.todoCount.one": "{n} thing to do",
  "nav.todoCount.other": "{n} things to do",
  "nav.inboxUnread.one": "{n} unread tender notice",
  "nav.inboxUnread.other": "{n} unread tender notices",
};
