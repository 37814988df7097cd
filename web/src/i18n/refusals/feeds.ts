// Refusals of the feeds a space's admins add for the server to fetch on a schedule (Marketplace.Server/OpenData/Import/Feeds).
import type { RefusalTexts } from "./texts";

export const feeds = {
  "feed.url": {
    it: "Indica l'indirizzo di un pacchetto di release OCDS: un indirizzo completo http o https.",
    en: "Give the address of an OCDS release package: an absolute http or https address.",
  },
  "feed.credentials": {
    it: "Un indirizzo con nome utente o password non è accettato: lo leggerebbero tutti gli amministratori dello spazio.",
    en: "An address with a user name or password is not accepted: the space's admins would all read it.",
  },
  "feed.notPublic": {
    it: "{host} non è su Internet pubblico ({address}): i flussi si scaricano solo da indirizzi pubblici.",
    en: "{host} is not on the public Internet ({address}): feeds are fetched from public addresses only.",
  },
  "feed.unresolvable": { it: "Nessun indirizzo è noto per {host}.", en: "No address is known for {host}." },
  "feed.status": {
    it: "L'indirizzo ha risposto HTTP {status} invece del pacchetto.",
    en: "The address answered HTTP {status} instead of the package.",
  },
  "feed.tooLarge": {
    it: "Il pacchetto supera i {max:number} byte.",
    en: "The package is larger than {max:number} bytes.",
  },
  "feed.timeout": {
    it: "Il pacchetto non è arrivato entro {seconds:number} secondi.",
    en: "The package did not arrive within {seconds:number} seconds.",
  },
  "feed.unreachable": {
    it: "L'indirizzo non è raggiungibile ({reason}).",
    en: "The address could not be reached ({reason}).",
  },
  "feed.tooManyRedirects": {
    it: "L'indirizzo rimanda altrove più di {max:number} volte.",
    en: "The address redirects more than {max:number} times.",
  },
  "feed.ownerNotAdmin": {
    it: "L'amministratore per cui questo flusso importa non è più amministratore dello spazio: chi lo scarica ora lo prende in carico.",
    en: "The admin this feed imports for is no longer an admin of the space: an admin who fetches it now takes it over.",
  },
  "feed.notFound": { it: "Questo spazio non ha questo flusso.", en: "This space has no such feed." },
  "feed.period": {
    it: "Un flusso si scarica ogni {min:number}–{max:number} ore.",
    en: "A feed is fetched every {min:number} to {max:number} hours.",
  },
  "feed.duplicate": { it: "Lo spazio scarica già questo indirizzo.", en: "The space already fetches this address." },
  "feed.tooMany": { it: "Uno spazio scarica al massimo {max:number} flussi.", en: "A space fetches at most {max:number} feeds." },
  "feed.busy": {
    it: "Il flusso si sta scaricando proprio ora: il risultato compare qui appena è pronto.",
    en: "This feed is being fetched right now: its result shows here when it is done.",
  },
} satisfies RefusalTexts;
