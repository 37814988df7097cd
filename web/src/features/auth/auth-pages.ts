// Sign-in and registration: one form, two endpoints; an address still to confirm is told so, with a link sent again on request.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { ApiError } from "../../api/problem";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href, navigate, parseRoute, type Route } from "../../router";
import { refusalText } from "../../i18n/refusals";
import { fieldErrorView } from "../../views";
import { authErrors, type AuthErrors, type AuthField } from "./auth-errors";
import { signIn } from "./session";

type Mode = "login" | "register";

/** Registered, but the password given does not sign in: the address had an account already. */
const notSignedIn = Symbol("notSignedIn");

/** @param email the address to fill in (an invitation e-mail's link brings the invited address). */
export function authPage(mode: Mode, next: string | null, redraw: Redraw, email?: string): Page {
  /** The last failure; described when shown, so that its messages follow a change of language. */
  let failure: unknown = null;
  const described = (): AuthErrors =>
    failure === null ? { fields: {}, general: [] } : failure === notSignedIn ? { fields: {}, general: [t("auth.register.notSignedIn")] } : authErrors(failure);
  let busy = false;
  /** The address that signs in once confirmed (the right password was given, or it has just registered). */
  let unconfirmed: string | null = null;
  let justRegistered = false;
  let resent = false;
  const after: Route = next ? parseRoute(next) : { name: "directory" };

  async function submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const displayName = String(form.get("displayName") ?? "").trim();
    busy = true;
    failure = null;
    unconfirmed = null;
    resent = false;
    redraw();
    let registered = false;
    try {
      if (mode === "register") {
        await api.register(email, password, displayName);
        registered = true;
      }
      await signIn(email, password);
      navigate(after);
    } catch (error) {
      if (error instanceof ApiError && error.code === "account.notAllowed") {
        // The password is right and the address waits for its confirmation e-mail's link.
        unconfirmed = email;
        justRegistered = registered;
        return;
      }
      // Registration answers the same whether the address already has an account, so only signing in tells the
      // person (who knows their own password) that it had one.
      failure = registered && error instanceof ApiError && error.status === 401 ? notSignedIn : error;
    } finally {
      busy = false;
      redraw();
    }
  }

  const fieldError = (field: AuthField, shown: AuthErrors) => fieldErrorView(field, shown.fields[field] ?? []);

  async function resend(email: string): Promise<void> {
    busy = true;
    redraw();
    try {
      await api.resendConfirmation(email);
      resent = true;
    } catch (error) {
      failure = error;
    } finally {
      busy = false;
      redraw();
    }
  }

  const confirmation = (email: string) => html`
    <div class="alert warn names-address" role="status" data-testid="auth-unconfirmed">
      <p>${justRegistered ? t("auth.confirm.sent", { email }) : refusalText("account.notAllowed", {})}</p>
      ${resent
        ? html`<p data-testid="auth-resent">${t("auth.confirm.resent", { email })}</p>`
        : html`<p><button type="button" class="link" ?disabled=${busy} @click=${() => resend(email)} data-testid="auth-resend">${t("auth.confirm.resend")}</button></p>`}
    </div>`;

  const other: Route = { name: mode === "login" ? "register" : "login", next, ...(email ? { email } : {}) };

  return {
    title: () => t(mode === "login" ? "auth.login.title" : "auth.register.title"),
    view: () => {
      const errors = described();
      return html`
        <section class="card narrow">
          <h1>${t(mode === "login" ? "auth.login.title" : "auth.register.title")}</h1>
          ${unconfirmed !== null ? confirmation(unconfirmed) : nothing}
          <form @submit=${submit} novalidate>
            ${errors.general.length
              ? html`<div class="alert error" role="alert" data-testid="form-error-general">
                  ${errors.general.map((m) => html`<p>${m}</p>`)}
                </div>`
              : nothing}
            ${mode === "register"
              ? html`<label class="field">
                  <span>${t("auth.displayName")}</span>
                  <input name="displayName" type="text" autocomplete="name" required maxlength="80" data-testid="register-name"
                    aria-invalid=${errors.fields.displayName ? "true" : "false"} aria-describedby="register-name-hint" />
                  <small id="register-name-hint" class="hint">${t("auth.displayName.hint")}</small>
                  ${fieldError("displayName", errors)}
                </label>`
              : nothing}
            <label class="field">
              <span>${t("auth.email")}</span>
              <input name="email" type="email" autocomplete="email" required data-testid="${mode}-email" .defaultValue=${email ?? ""}
                aria-invalid=${errors.fields.email ? "true" : "false"} />
              ${fieldError("email", errors)}
            </label>
            <label class="field">
              <span>${t("auth.password")}</span>
              <input name="password" type="password" required data-testid="${mode}-password"
                autocomplete=${mode === "login" ? "current-password" : "new-password"}
                aria-invalid=${errors.fields.password ? "true" : "false"} />
              ${fieldError("password", errors)}
            </label>
            <div class="actions">
              <button class="primary" type="submit" ?disabled=${busy} data-testid="${mode}-submit">
                ${t(mode === "login" ? "auth.login.submit" : "auth.register.submit")}
              </button>
              <a href=${href(other)}>${t(mode === "login" ? "auth.login.toRegister" : "auth.register.toLogin")}</a>
            </div>
            ${mode === "login" ? html`<p><a href=${href({ name: "forgotPassword" })} data-testid="login-forgot">${t("auth.login.forgot")}</a></p>` : nothing}
          </form>
        </section>
      `;
    },
  };
}
