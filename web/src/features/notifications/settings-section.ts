// The account page's part that chooses, per kind of notice, how it reaches the person by e-mail: off, immediately
// (unless seen on the site meanwhile) or in a daily summary. The kinds and their current choices come from the server.
// The three choices are explained once above the list, and each kind offers them as three short choices: ten kinds,
// each repeating three explained cards, made a page several screens tall.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { NotificationChoiceDto, NotificationMode } from "../../api/types";
import { t } from "../../i18n";
import type { Redraw } from "../../page";
import { describeRefusal } from "../../i18n/refusals";

const modes: NotificationMode[] = ["Immediately", "DailyDigest", "Off"];

export function notificationSettings(redraw: Redraw) {
  let choices: NotificationChoiceDto[] | null = null;
  let failure: unknown = null;
  let saved = false;
  let busy = false;

  api.notificationSettings().then(
    (settings) => { choices = settings.choices; redraw(); },
    (error: unknown) => { failure = error; redraw(); },
  );

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (choices === null) return;
    const data = new FormData(event.target as HTMLFormElement);
    const chosen = choices.map((c) => ({ kind: c.kind, mode: (data.get(c.kind) as NotificationMode | null) ?? c.mode }));
    busy = true;
    saved = false;
    failure = null;
    redraw();
    try {
      choices = (await api.setNotificationSettings({ choices: chosen })).choices;
      saved = true;
    } catch (error) {
      failure = error;
    } finally {
      busy = false;
      redraw();
    }
  };

  return () => html`
    <div class="account-part" data-testid="notification-settings">
      <h2>${t("notifications.title")}</h2>
      <p>${t("notifications.intro")}</p>
      ${failure !== null ? html`<div class="alert error" role="alert" data-testid="notifications-error">${describeRefusal(failure)}</div>` : nothing}
      ${saved ? html`<p class="alert ok" role="status" data-testid="notifications-saved">${t("notifications.saved")}</p>` : nothing}
      ${choices === null
        ? failure === null ? html`<p role="status">${t("notifications.loading")}</p>` : nothing
        : html`<form @submit=${save} novalidate>
            <dl class="notification-modes" data-testid="notification-modes">
              ${modes.map((m) => html`<div><dt>${t(`notifications.mode.${m}`)}</dt><dd>${t(`notifications.mode.${m}.hint`)}</dd></div>`)}
            </dl>
            ${choices.map(
              (c) => html`<fieldset class="notification-kind" data-testid=${`notification-${c.kind}`} aria-describedby=${`notification-${c.kind}-hint`}>
                <legend><strong>${t(`notifications.kind.${c.kind}`)}</strong></legend>
                <small class="hint" id=${`notification-${c.kind}-hint`}>${t(`notifications.kind.${c.kind}.hint`)}</small>
                <div class="notification-choices">
                  ${modes.map(
                    (m) => html`<label class="pill-choice">
                      <input type="radio" name=${c.kind} value=${m} .checked=${c.mode === m} data-testid=${`notification-${c.kind}-${m}`} />
                      <span>${t(`notifications.mode.${m}`)}</span>
                    </label>`,
                  )}
                </div>
              </fieldset>`,
            )}
            <div class="actions">
              <button class="primary" type="submit" ?disabled=${busy} data-testid="save-notifications">${t("notifications.save")}</button>
            </div>
          </form>`}
    </div>
  `;
}
