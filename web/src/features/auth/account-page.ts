// The signed-in user's account: the name others see, how notices reach them by e-mail, a new password (the server signs out every other device), and signing out everywhere.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import { t } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { navigate } from "../../router";
import { fieldErrorView } from "../../views";
import { authErrors, type AuthErrors, type AuthField } from "./auth-errors";
import { currentUser, renamed, signOutEverywhere } from "./session";
import { notificationSettings } from "../notifications/settings-section";

export function accountPage(redraw: Redraw): Page {
  /** The last failure, described when shown so that its messages follow a change of language. */
  let failure: unknown = null;
  let changed = false;
  let named = false;
  let busy = false;
  const described = (): AuthErrors => (failure === null ? { fields: {}, general: [] } : authErrors(failure));

  async function run(action: () => Promise<void>): Promise<void> {
    busy = true;
    failure = null;
    changed = false;
    named = false;
    redraw();
    try {
      await action();
    } catch (error) {
      failure = error;
    } finally {
      busy = false;
      redraw();
    }
  }

  const changePassword = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    return run(async () => {
      await api.changePassword({
        currentPassword: String(data.get("currentPassword") ?? ""),
        newPassword: String(data.get("newPassword") ?? ""),
      });
      form.reset();
      changed = true;
    });
  };

  const rename = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    return run(async () => {
      renamed(await api.setMyName({ displayName: String(data.get("displayName") ?? "").trim() }));
      named = true;
    });
  };

  const everywhere = () =>
    run(async () => {
      await signOutEverywhere();
      navigate({ name: "login", next: null });
    });

  const notifications = notificationSettings(redraw);

  const fieldError = (field: AuthField, shown: AuthErrors) => fieldErrorView(field, shown.fields[field] ?? []);

  return {
    title: () => t("auth.account.title"),
    view: () => {
      const errors = described();
      return html`
        <section class="card narrow">
          <h1>${t("auth.account.title")}</h1>
          ${errors.general.length
            ? html`<div class="alert error" role="alert" data-testid="form-error-general">
                ${errors.general.map((m) => html`<p>${m}</p>`)}
              </div>`
            : nothing}
          ${changed ? html`<p class="alert ok" role="status" data-testid="password-changed">${t("auth.account.password.done")}</p>` : nothing}
          ${named ? html`<p class="alert ok" role="status" data-testid="name-changed">${t("auth.account.name.done")}</p>` : nothing}
          <h2>${t("auth.account.name.title")}</h2>
          <form @submit=${rename} novalidate>
            <label class="field">
              <span>${t("auth.displayName")}</span>
              <input name="displayName" type="text" autocomplete="name" required maxlength="80" data-testid="account-name"
                .value=${currentUser()?.displayName ?? ""} aria-invalid=${errors.fields.displayName ? "true" : "false"}
                aria-describedby="account-name-hint" />
              <small id="account-name-hint" class="hint">${t("auth.displayName.hint")}</small>
              ${fieldError("displayName", errors)}
            </label>
            <div class="actions">
              <button class="primary" type="submit" ?disabled=${busy} data-testid="save-name">${t("auth.account.name.submit")}</button>
            </div>
          </form>
          ${notifications()}
          <div class="account-part">
            <h2>${t("auth.account.password.title")}</h2>
            <form @submit=${changePassword} novalidate>
              <label class="field">
                <span>${t("auth.account.password.current")}</span>
                <input name="currentPassword" type="password" autocomplete="current-password" required data-testid="current-password"
                  aria-invalid=${errors.fields.currentPassword ? "true" : "false"} />
                ${fieldError("currentPassword", errors)}
              </label>
              <label class="field">
                <span>${t("auth.account.password.new")}</span>
                <input name="newPassword" type="password" autocomplete="new-password" required minlength="15" data-testid="new-password"
                  aria-invalid=${errors.fields.password ? "true" : "false"} aria-describedby="new-password-hint" />
                <small id="new-password-hint" class="hint">${t("auth.account.password.hint")}</small>
                ${fieldError("password", errors)}
              </label>
              <div class="actions">
                <button class="primary" type="submit" ?disabled=${busy} data-testid="change-password">${t("auth.account.password.submit")}</button>
              </div>
            </form>
          </div>
          <div class="account-part">
            <h2>${t("auth.account.everywhere.title")}</h2>
            <p>${t("auth.account.everywhere.text")}</p>
            <div class="actions">
              <button type="button" ?disabled=${busy} data-testid="logout-everywhere" @click=${everywhere}>${t("auth.account.everywhere.submit")}</button>
            </div>
          </div>
        </section>
      `;
    },
  };
}
