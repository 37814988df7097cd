// The page a notification e-mail's "stop these e-mails" link opens: it turns that kind off at once (the person came
// here by clicking it; a digest's link names each of its kinds) and says what was turned off; no sign-in is needed, the link's signed token names whom.
import { html } from "lit-html";
import { api } from "../../api/client";
import type { NotificationKind } from "../../api/types";
import { t } from "../../i18n";
import { ApiError } from "../../api/problem";
import { describeRefusal, refusalText } from "../../i18n/refusals";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";

/** Why the link did not work: the token's own refusal (a changed or cut link), else whatever else failed. */
function failureText(error: unknown): string {
  const token = error instanceof ApiError ? error.errors["token"]?.[0] : undefined;
  return (token && refusalText(token.code, token.args)) ?? describeRefusal(error);
}

export function unsubscribePage(token: string, redraw: Redraw): Page {
  let state: { done: NotificationKind[] } | { failed: unknown } | "working" = "working";
  api.unsubscribe(token).then(
    (answer) => { state = { done: answer.kinds }; redraw(); },
    (error: unknown) => { state = { failed: error }; redraw(); },
  );
  const toAccount = html`<div class="actions">
    <a class="button" href=${href({ name: "account" })} data-testid="unsubscribe-to-account">${t("notifications.unsubscribe.toAccount")}</a>
  </div>`;
  return {
    title: () => t("notifications.unsubscribe.title"),
    view: () => html`
      <section class="card narrow" data-testid="unsubscribe">
        <h1>${t("notifications.unsubscribe.title")}</h1>
        ${state === "working"
          ? html`<p role="status">${t("notifications.unsubscribe.working")}</p>`
          : "done" in state
            ? html`<div role="status" data-testid="unsubscribe-done">
                  ${state.done.map((kind) => html`<p class="alert ok">${t(`notifications.unsubscribe.done.${kind}`)}</p>`)}
                </div>
                <p>${t("notifications.unsubscribe.again")}</p>
                ${toAccount}`
            : html`<p class="alert error" role="alert" data-testid="unsubscribe-failed">${failureText(state.failed)}</p>${toAccount}`}
      </section>
    `,
  };
}
