// On a space's about tab, for the people of its member firms and its admins: what the association tells its members,
// newest first, live. The admins write one, edit one from the version they read, or withdraw it; who may do that is
// the server's answer (`viewerWrites`), not a rule restated here.
import { html, nothing } from "lit";
import { api } from "../../api/client";
import { confirmDialog } from "../../confirm-dialog";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { AnnouncementDto, AnnouncementsDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { refusedAction } from "../../i18n/refusals";
import { sameId } from "../../ids";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import { onAnnouncementChanged } from "../../realtime/hub";

/** What the admin is writing: a new announcement (no id) or an edit of one, from the version they read. */
interface Draft {
  id: string | null;
  version: number;
  title: string;
  text: string;
}

export class SpaceAnnouncements extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    list: { state: true },
    draft: { state: true },
    busy: { state: true },
    errors: { state: true },
    said: { state: true },
  };

  declare spaceId: string;
  private declare list: AnnouncementsDto | null;
  private declare draft: Draft | null;
  private declare busy: boolean;
  private declare errors: FieldErrors;
  private declare said: { ok: boolean; text: () => string } | null;
  #stop: (() => void) | null = null;
  readonly #confirm = confirmDialog(() => this.requestUpdate());

  constructor() {
    super();
    this.list = null;
    this.draft = null;
    this.busy = false;
    this.errors = {};
    this.said = null;
  }

  readonly #load = latestOnly(
    (spaceId: string) => api.announcements(spaceId),
    (list) => (this.list = list),
    () => undefined, // A failed refresh keeps what is shown; the first failure shows nothing (the section stays empty).
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#load(this.spaceId);
    // Another admin's announcement, edit or withdrawal shows without reloading the page.
    this.#stop = onAnnouncementChanged((change) => {
      if (sameId(change.spaceId, this.spaceId)) this.#load(this.spaceId);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#stop = null;
    this.#load.cancel();
    this.#confirm.dismiss();
  }

  #write(a?: AnnouncementDto): void {
    this.draft = a ? { id: a.id, version: a.version, title: a.title, text: a.text } : { id: null, version: 0, title: "", text: "" };
    this.errors = {};
    this.said = null;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    await this.#run(async () => {
      const body = { title: d.title, text: d.text };
      if (d.id) await api.editAnnouncement(this.spaceId, d.id, { ...body, version: d.version });
      else await api.postAnnouncement(this.spaceId, body);
      this.draft = null;
      this.said = { ok: true, text: () => t(d.id ? "announcements.edited" : "announcements.posted") };
    });
  }

  async #withdraw(a: AnnouncementDto): Promise<void> {
    if (this.busy) return;
    const yes = await this.#confirm.ask(() => ({
      title: t("announcements.withdraw"),
      body: t("announcements.confirmWithdraw", { title: a.title }),
      confirm: t("announcements.withdraw"),
    }));
    if (!yes) return;
    await this.#run(async () => {
      await api.withdrawAnnouncement(this.spaceId, a.id, a.version);
      this.said = { ok: true, text: () => t("announcements.withdrawn") };
    });
  }

  async #run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.errors = {};
    this.said = null;
    try {
      await work();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && Object.keys(error.errors).length > 0) this.errors = error.errors;
      else {
        const refused = refusedAction(error);
        this.said = { ok: false, text: refused.text };
        if (refused.reload) this.draft = null;
      }
    } finally {
      this.busy = false;
      this.#load(this.spaceId);
    }
  }

  #formView(d: Draft) {
    const titleErrors = fieldMessages(this.errors, "title");
    const textErrors = fieldMessages(this.errors, "text");
    return html`<form class="stack announcement-form" data-testid="announcement-form" novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
      <div class="field">
        <label for="announcement-title">${t("announcements.titleLabel")}</label>
        <input id="announcement-title" data-testid="announcement-title" maxlength="120" .value=${d.title} ?disabled=${this.busy}
          aria-invalid=${titleErrors.length ? "true" : "false"} @input=${(e: InputEvent) => (d.title = (e.target as HTMLInputElement).value)} />
        ${titleErrors.length ? html`<p class="field-error" data-testid="announcement-title-error">${titleErrors.join(" ")}</p>` : nothing}
      </div>
      <div class="field">
        <label for="announcement-text">${t("announcements.textLabel")}</label>
        <textarea id="announcement-text" data-testid="announcement-text" rows="4" maxlength="4000" .value=${d.text} ?disabled=${this.busy}
          aria-invalid=${textErrors.length ? "true" : "false"} @input=${(e: InputEvent) => (d.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        ${textErrors.length ? html`<p class="field-error" data-testid="announcement-text-error">${textErrors.join(" ")}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" data-testid="announcement-save" ?disabled=${this.busy}>
          ${t(d.id ? "announcements.saveEdit" : "announcements.publish")}</button>
        <button type="button" data-testid="announcement-cancel" ?disabled=${this.busy} @click=${() => (this.draft = null)}>${t("announcements.cancel")}</button>
      </div>
    </form>`;
  }

  #itemView(a: AnnouncementDto, writes: boolean) {
    const editing = this.draft?.id !== null && sameId(this.draft?.id ?? "", a.id);
    return html`<li class="announcement" data-testid="announcement">
      ${editing && this.draft
        ? this.#formView(this.draft)
        : html`<h3 data-testid="announcement-heading">${a.title}</h3>
            <p class="announcement-text" data-testid="announcement-body">${a.text}</p>
            <p class="muted small" data-testid="announcement-when">
              ${a.changedAt
                ? t("announcements.postedEdited", { when: formatDateTime(a.postedAt), edited: formatDateTime(a.changedAt) })
                : t("announcements.postedOn", { when: formatDateTime(a.postedAt) })}</p>
            ${writes
              ? html`<div class="actions">
                  <button type="button" data-testid="announcement-edit" ?disabled=${this.busy} @click=${() => this.#write(a)}>${t("announcements.edit")}</button>
                  <button type="button" data-testid="announcement-withdraw" ?disabled=${this.busy} @click=${() => void this.#withdraw(a)}>
                    ${t("announcements.withdraw")}</button>
                </div>`
              : nothing}`}
    </li>`;
  }

  protected override render() {
    const list = this.list;
    if (!list) return nothing;
    const writing = this.draft?.id === null ? this.draft : null;
    return html`<section class="card" aria-labelledby="announcements-title" data-testid="space-announcements">
      <div class="section-head">
        <h2 id="announcements-title">${t("announcements.title")}</h2>
        ${list.viewerWrites && !this.draft
          ? html`<button type="button" data-testid="announcement-new" @click=${() => this.#write()}>${t("announcements.new")}</button>`
          : nothing}
      </div>
      ${writing ? this.#formView(writing) : nothing}
      <p class="status ${this.said?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="announcements-status">${this.said?.text() ?? ""}</p>
      ${list.items.length === 0
        ? html`<p class="muted" data-testid="announcements-empty">${t(list.viewerWrites ? "announcements.noneAdmin" : "announcements.none")}</p>`
        : html`<ul class="announcements">${list.items.map((a) => this.#itemView(a, list.viewerWrites))}</ul>`}
      ${this.#confirm.view()}
    </section>`;
  }
}

customElements.define("space-announcements", SpaceAnnouncements);

declare global {
  interface HTMLElementTagNameMap {
    "space-announcements": SpaceAnnouncements;
  }
}
