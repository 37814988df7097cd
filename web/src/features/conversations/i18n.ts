// The texts of an alliance's conversation (the "Conversazione" tab): its threads, messages and the box to write.
// Italian first; `en` must have exactly its keys (the compiler checks it).
export const it = {
  "conversation.tab": "Conversazione",
  "conversation.title": "Conversazione dell'alleanza",
  "conversation.intro":
    "Qui parlano le persone delle imprese aderenti: un filo generale e uno per ogni pacchetto di lavoro dell'offerta. I messaggi restano e arrivano a tutti senza ricaricare la pagina; l'offerta non cambia.",
  "conversation.introStanding":
    "Qui parlano le persone delle imprese aderenti alla rete. I messaggi restano e arrivano a tutti senza ricaricare la pagina.",
  "conversation.threads": "Fili della conversazione",
  "conversation.general": "Generale",
  "conversation.packageThread": "Pacchetto: {title}",
  "conversation.count": "{count} messaggi",
  "conversation.write": "Il tuo messaggio",
  "conversation.writeFor": "Scrivi per",
  "conversation.send": "Invia",
  "conversation.sending": "Invio…",
  "conversation.sent": "Messaggio inviato.",
  "conversation.length": "{count} / {max} caratteri",
  "conversation.readOnly": "Con il ruolo di visualizzatore leggi la conversazione; scrivono i titolari e i gestori della tua impresa.",
  "conversation.empty": "Nessun messaggio in questo filo: scrivi il primo.",
  "conversation.older": "Messaggi precedenti",
  "conversation.loadingOlder": "Caricamento…",
  "conversation.byline": "{person} · {firm}",
  "conversation.timeNote": "Orari di Roma",
};

export const en: Record<keyof typeof it, string> = {
  "conversation.tab": "Conversation",
  "conversation.title": "The alliance's conversation",
  "conversation.intro":
    "The people of the member firms talk here: a general thread and one for each work package of the bid. Messages are kept and reach everyone without reloading the page; the bid does not change.",
  "conversation.introStanding":
    "The people of the network's member firms talk here. Messages are kept and reach everyone without reloading the page.",
  "conversation.threads": "Threads of the conversation",
  "conversation.general": "General",
  "conversation.packageThread": "Package: {title}",
  "conversation.count": "{count} messages",
  "conversation.write": "Your message",
  "conversation.writeFor": "Write for",
  "conversation.send": "Send",
  "conversation.sending": "Sending…",
  "conversation.sent": "Message sent.",
  "conversation.length": "{count} / {max} characters",
  "conversation.readOnly": "As a Viewer you read the conversation; your firm's Owners and Managers write in it.",
  "conversation.empty": "No messages in this thread yet: write the first.",
  "conversation.older": "Older messages",
  "conversation.loadingOlder": "Loading…",
  "conversation.byline": "{person} · {firm}",
  "conversation.timeNote": "Times in Rome",
};
