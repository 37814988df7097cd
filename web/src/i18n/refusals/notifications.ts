// Refusals of notification settings and the e-mails' unsubscribe link: Marketplace.Server/Endpoints/NotificationEndpoints.cs.
import type { RefusalTexts } from "./texts";

export const notifications = {
  "notifications.kindTwice": { it: "Ogni tipo di avviso si sceglie una volta sola.", en: "Each kind of notice is chosen once." },
  "notifications.badUnsubscribeLink": {
    it: "Questo link per non ricevere più e-mail non è valido: forse è incompleto. Accedi e cambia le impostazioni di notifica nella pagina del tuo account.",
    en: "This unsubscribe link is not valid: it may be incomplete. Log in and change your notification settings on your account page.",
  },
} satisfies RefusalTexts;
