// The pages account e-mails link to, and the one that sends a recovery link: confirming an address (a new account's or
// a new one for an account), "I forgot my password", and choosing a new password with a recovery link.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href, type Route } from "../../router";
import { fieldErrorView } from "../../views";
import { authErrors, type AuthErrors } from "./auth-errors";

type ConfirmRoute = Extract<Route, { name: "confirmEmail" }>;
type ResetRoute = Extract<Route, { name: "resetPassword" }>;

const toLogin = () => html`<a class="button primary" href=${href({ name: "login", next: null })} data-testid="account-to-login">${t("auth.confirm.toLogin")}</a>`;

/** A form's one request at a time: whether it runs, and its last failure, described when shown (so it follows the language). */
function formState(redraw: Redraw) {
  const state = {
    busy: false,
    failure: null as unknown,
    errors: (): AuthErrors => (state.failure === null ? { fields: {}, general: [] } : authErrors(state.failure)),
    async run(request: () => Promise<void>): Promise<void> {
      state.busy = true;
      state.failure = null;
      redraw();
      try {
        await request();
      } catch (error) {
        state.failure = error;
      } finally {
        state.busy = false;
        redraw();
      }
    },
  };
  return state;
}

/** Opens the link as soon as the page shows: the person came here by clicking it. */
export function confirmEmailPage(route: ConfirmRoute, redraw: Redraw): Page {
  let state: "working" | "done" | "failed" = "working";
  api.confirmEmail(route.userId, route.code, route.changedEmail).then(
    () => { state = "done"; redraw(); },
    () => { state = "failed"; redraw(); },
  );
  return {
    title: () => t("auth.confirm.title"),
    view: () => html`
      <section class="card narrow" data-testid="confirm-email">
        <h1>${t("auth.confirm.title")}</h1>
        ${state === "working"
          ? html`<p role="status">${t("auth.confirm.working")}</p>`
          : state === "done"
            ? html`<p class="alert ok names-address" role="status" data-testid="confirm-email-done">
                  ${route.changedEmail !== null ? t("auth.confirm.changed", { email: route.changedEmail }) : t("auth.confirm.done")}
                </p>
                <div class="actions">${toLogin()}</div>`
            : html`<p class="alert error" role="alert" data-testid="confirm-email-failed">${t("auth.confirm.failed")}</p>
                <div class="actions">${toLogin()}</div>`}
      </section>
    `,
  };
}

/** The answer is the same whether the address has an account, and the page says so. */
export function forgotPasswordPage(redraw: Redraw): Page {
  let sentTo: string | null = null;
  const form = formState(redraw);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get("email") ?? "").trim();
    return form.run(async () => {
      await api.forgotPassword(email);
      sentTo = email;
    });
  };

  return {
    title: () => t("auth.forgot.title"),
    view: () => {
      const errors = form.errors();
      return html`
        <section class="card narrow">
          <h1>${t("auth.forgot.title")}</h1>
          ${sentTo !== null
            ? html`<p class="alert ok names-address" role="status" data-testid="forgot-sent">${t("auth.forgot.sent", { email: sentTo })}</p>`
            : html`<p>${t("auth.forgot.text")}</p>
                <form @submit=${submit} novalidate>
                  ${errors.general.length ? html`<div class="alert error" role="alert">${errors.general.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
                  <label class="field">
                    <span>${t("auth.email")}</span>
                    <input name="email" type="email" autocomplete="email" required data-testid="forgot-email" />
                    ${fieldErrorView("email", errors.fields.email ?? [])}
                  </label>
                  <div class="actions">
                    <button class="primary" type="submit" ?disabled=${form.busy} data-testid="forgot-submit">${t("auth.forgot.submit")}</button>
                  </div>
                </form>`}
        </section>
      `;
    },
  };
}

export function resetPasswordPage(route: ResetRoute, redraw: Redraw): Page {
  let done = false;
  const form = formState(redraw);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const password = String(new FormData(event.target as HTMLFormElement).get("password") ?? "");
    return form.run(async () => {
      await api.resetPassword(route.email, route.code, password);
      done = true;
    });
  };

  return {
    title: () => t("auth.reset.title"),
    view: () => {
      const errors = form.errors();
      return html`
        <section class="card narrow">
          <h1>${t("auth.reset.title")}</h1>
          ${done
            ? html`<p class="alert ok" role="status" data-testid="reset-done">${t("auth.reset.done")}</p>
                <div class="actions">${toLogin()}</div>`
            : html`<p class="names-address">${t("auth.reset.for", { email: route.email })}</p>
                <form @submit=${submit} novalidate>
                  ${errors.general.length
                    ? html`<div class="alert error" role="alert" data-testid="form-error-general">${errors.general.map((m) => html`<p>${m}</p>`)}</div>`
                    : nothing}
                  <label class="field">
                    <span>${t("auth.account.password.new")}</span>
                    <input name="password" type="password" autocomplete="new-password" required data-testid="reset-password"
                      aria-invalid=${errors.fields.password ? "true" : "false"} aria-describedby="reset-password-hint" />
                    <small id="reset-password-hint" class="hint">${t("auth.reset.hint")}</small>
                    ${fieldErrorView("password", errors.fields.password ?? [])}
                  </label>
                  <div class="actions">
                    <button class="primary" type="submit" ?disabled=${form.busy} data-testid="reset-submit">${t("auth.reset.submit")}</button>
                  </div>
                </form>`}
        </section>
      `;
    },
  };
}
