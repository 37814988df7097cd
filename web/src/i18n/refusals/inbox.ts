// Refusals of the inbox: Marketplace.Server/Endpoints/InboxEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const inbox = {
  "inbox.notTheFirms": { it: "Solo le persone dell'impresa vedono la sua posta.", en: "Only the firm's people see its inbox." },
} satisfies RefusalTexts;
