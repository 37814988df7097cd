// Refusals of the service as a whole: a database outage or a dead cluster node (503, Endpoints/UnavailableProblems.cs) and rate limits (429,
// Hosting/RateLimits.cs).
import type { RefusalTexts } from "./texts";

export const service = {
  "service.unavailable": {
    it: "Il servizio non è raggiungibile in questo momento. Riprova tra qualche secondo.",
    en: "The service cannot be reached right now. Try again in a few seconds.",
  },
  "service.tooManyRequests": {
    it: "Troppe richieste dalla tua connessione: riprova tra {seconds:number} secondi.",
    en: "Too many requests from your connection: try again in {seconds:number} seconds.",
  },
} satisfies RefusalTexts;
