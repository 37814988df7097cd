// The showcase and endorsements of one business, on its page: projects (with Confirm / Decline where the project
// says the viewer may answer for a partner), the "publish a project" form where the showcase says the viewer may
// publish, the endorsements, and the form to endorse it for the firms the endorsements say may. Reloaded when the hub
// says a project changed.
import { html, nothing, type PropertyValues } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type {
  BusinessShowcaseDto,
  CapabilityDto,
  DirectoryEntryDto,
  EndorseRequest,
  EndorsementDto,
  EndorsementsDto,
  EndorserDto,
  ShowcaseDto,
} from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";
import { formatDate, localized, t } from "../../i18n";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import { href } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { sameId } from "../../ids";
import {
  answerableFor,
  buildShowcaseRequest,
  emptyShowcaseForm,
  endorsers,
  isOwnPeople,
  type Roles,
  type ShowcaseForm,
} from "./showcase";
import { currentUser } from "../auth/session";
import { projectView } from "./showcase-views";

type Status = { ok: boolean; text: () => string } | null;

const PUBLISH_FIELDS = ["title", "description", "client", "year", "value", "cpv", "partners"] as const;
const ENDORSE_FIELDS = ["endorserFirmId", "projectId", "text"] as const;

/** A failure as a status line; 400s name fields the form does not show, if any. */
function failure(error: unknown, errors: FieldErrors, shown: readonly string[], messages: Partial<Record<403 | 409, () => string>>): Status {
  if (error instanceof ApiError && error.status === 400) {
    return {
      ok: false,
      text: () => {
        const other = otherFieldMessages(errors, shown);
        return other.length ? other.join(" ") : t("form.invalid");
      },
    };
  }
  if (error instanceof ApiError && (error.status === 403 || error.status === 409)) {
    const own = messages[error.status];
    if (own) return { ok: false, text: own };
  }
  return { ok: false, text: () => describeRefusal(error) };
}

/**
 * `<business-showcase>`: the showcase and endorsements sections of a business's page. The page says which business,
 * the viewer's roles (from /api/me/businesses), and bumps `refresh` when the hub says a project changed.
 */
export class BusinessShowcase extends LightElement {
  static override properties = {
    businessId: { attribute: false },
    roles: { attribute: false },
    refresh: { attribute: false },
    showcase: { state: true },
    endorsements: { state: true },
    projectsFailed: { state: true },
    endorsementsFailed: { state: true },
    form: { state: true },
    publishErrors: { state: true },
    publishStatus: { state: true },
    publishing: { state: true },
    declining: { state: true },
    reason: { state: true },
    answerErrors: { state: true },
    answerStatus: { state: true },
    answering: { state: true },
    endorserId: { state: true },
    endorseProjectId: { state: true },
    endorseText: { state: true },
    endorseErrors: { state: true },
    endorseStatus: { state: true },
    endorsing: { state: true },
  };

  declare businessId: string;
  /** The viewer's businesses and roles: the partners' answers are shown to the people of a project's firms. */
  declare roles: Roles;
  declare refresh: number;
  private declare showcase: BusinessShowcaseDto | null;
  private declare endorsements: EndorsementsDto | null;
  private declare projectsFailed: boolean;
  private declare endorsementsFailed: boolean;
  // Publish form.
  private declare form: ShowcaseForm;
  private declare publishErrors: FieldErrors;
  private declare publishStatus: Status;
  private declare publishing: boolean;
  // Answers.
  private declare declining: { projectId: string; partnerId: string } | null;
  private declare reason: string;
  private declare answerErrors: FieldErrors;
  private declare answerStatus: { projectId: string; status: Status } | null;
  private declare answering: boolean;
  // Endorse form.
  private declare endorserId: string;
  private declare endorseProjectId: string;
  private declare endorseText: string;
  private declare endorseErrors: FieldErrors;
  private declare endorseStatus: Status;
  private declare endorsing: boolean;
  private endorseSent: EndorseRequest | undefined;

  constructor() {
    super();
    this.businessId = "";
    this.roles = new Map();
    this.refresh = 0;
    this.showcase = null;
    this.endorsements = null;
    this.projectsFailed = false;
    this.endorsementsFailed = false;
    this.form = emptyShowcaseForm();
    this.publishErrors = {};
    this.publishStatus = null;
    this.publishing = false;
    this.declining = null;
    this.reason = "";
    this.answerErrors = {};
    this.answerStatus = null;
    this.answering = false;
    this.endorserId = "";
    this.endorseProjectId = "";
    this.endorseText = "";
    this.endorseErrors = {};
    this.endorseStatus = null;
    this.endorsing = false;
  }

  private readonly loadProjects = latestOnly(
    () => api.businessShowcase(this.businessId),
    (showcase) => {
      this.showcase = showcase;
      this.projectsFailed = false;
    },
    () => {
      this.projectsFailed = this.showcase === null;
    },
  );
  private readonly loadEndorsements = latestOnly(
    () => api.endorsements(this.businessId),
    (endorsements) => {
      this.endorsements = endorsements;
      this.endorsementsFailed = false;
    },
    () => {
      this.endorsementsFailed = this.endorsements === null;
    },
  );

  /** The pickers keep their own state (text, options); they ask this element to render them again. */
  private readonly renderPicker = () => this.requestUpdate();

  private readonly cpv = typeahead<CapabilityDto>(
    {
      testid: "showcase-cpv-search",
      optionTestid: "showcase-cpv-option",
      placeholder: () => t("edit.cpvPlaceholder"),
      search: (q) => api.searchCpv(q),
      key: (entry) => entry.code,
      option: (entry) => html`<code>${entry.code}</code> ${localized(entry.labelIt, entry.labelEn)}`,
      pick: (entry) => {
        if (!this.form.cpv.some((c) => c.code === entry.code)) this.editForm((f) => (f.cpv = [...f.cpv, entry]));
      },
    },
    this.renderPicker,
  );
  private readonly partners = typeahead<DirectoryEntryDto>(
    {
      testid: "showcase-partner-search",
      optionTestid: "showcase-partner-option",
      placeholder: () => t("showcase.partnerPlaceholder"),
      search: async (q) =>
        (await api.directory(q, 1, 10)).items.filter((b) => b.kind === "Firm" && !sameId(b.id, this.businessId)),
      key: (b) => b.id,
      option: (b) => html`${b.name} ${b.comuneName ? html`<span class="muted">${b.comuneName}${b.provinceSigla ? ` (${b.provinceSigla})` : ""}</span>` : nothing}`,
      pick: (b) => {
        if (!this.form.partners.some((p) => sameId(p.id, b.id))) this.editForm((f) => (f.partners = [...f.partners, { id: b.id, name: b.name }]));
      },
    },
    this.renderPicker,
  );

  /** A new business or a project changed: load both lists; the viewer's roles changed: the projects they may see. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("businessId") || changed.has("refresh")) {
      this.loadProjects();
      this.loadEndorsements();
    } else if (changed.has("roles")) this.loadProjects();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadProjects.cancel();
    this.loadEndorsements.cancel();
    this.cpv.dispose();
    this.partners.dispose();
  }

  /** The publish form's fields are typed into in place; a change the form shows at once replaces it, which lit sees. */
  private editForm(change: (form: ShowcaseForm) => void): void {
    change(this.form);
    this.form = { ...this.form };
  }

  protected override render() {
    return html`${this.showcaseView()}${this.endorsementsView()}`;
  }

  private async publish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.publishErrors = {};
    this.publishStatus = null;
    const built = buildShowcaseRequest(this.businessId, this.form);
    if ("errors" in built) {
      this.publishErrors = built.errors;
      return;
    }
    this.publishing = true;
    try {
      const created = await api.publishShowcase(built.body);
      if (this.showcase) this.showcase = { ...this.showcase, projects: [created, ...this.showcase.projects.filter((p) => p.id !== created.id)] };
      this.form = emptyShowcaseForm();
      this.cpv.setText("");
      this.partners.setText("");
      this.publishStatus = { ok: true, text: () => t("showcase.published") };
      this.loadProjects();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.publishErrors = error.errors;
      this.publishStatus = failure(error, this.publishErrors, PUBLISH_FIELDS, { 403: () => t("showcase.forbidden") });
    } finally {
      this.publishing = false;
    }
  }

  private async answer(project: ShowcaseDto, partnerId: string, confirm: boolean): Promise<void> {
    const body = { partnerId, confirm, version: project.version, reason: confirm || this.reason.trim() === "" ? null : this.reason.trim() };
    this.answerErrors = {};
    this.answering = true;
    this.answerStatus = null;
    try {
      const fresh = await api.answerShowcase(project.id, body);
      if (this.showcase) this.showcase = { ...this.showcase, projects: this.showcase.projects.map((p) => (p.id === fresh.id ? fresh : p)) };
      this.declining = null;
      this.reason = "";
      this.answerStatus = { projectId: project.id, status: { ok: true, text: () => t("showcase.answered") } };
      this.loadProjects();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.answerErrors = error.errors;
      this.answerStatus = {
        projectId: project.id,
        status: failure(error, this.answerErrors, ["reason"], {
          403: () => t("showcase.forbidden"),
          409: () => t("showcase.changed"),
        }),
      };
      if (error instanceof ApiError && error.status === 409) this.loadProjects();
    } finally {
      this.answering = false;
    }
  }

  private async endorse(event: SubmitEvent, choices: EndorserDto[]): Promise<void> {
    event.preventDefault();
    const firm = choices.find((c) => sameId(c.firmId, this.endorserId)) ?? choices[0];
    if (!firm) return;
    const project = firm.projects.find((p) => p.id === this.endorseProjectId) ?? firm.projects[0];
    this.endorseSent = { endorserFirmId: firm.firmId, projectId: project?.id ?? "", text: this.endorseText.trim() === "" ? null : this.endorseText.trim() };
    this.endorseErrors = {};
    this.endorseStatus = null;
    this.endorsing = true;
    try {
      const added = await api.endorse(this.businessId, this.endorseSent);
      if (this.endorsements) this.endorsements = { ...this.endorsements, items: [added, ...this.endorsements.items.filter((e) => !sameId(e.endorserId, added.endorserId))] };
      this.endorseText = "";
      this.endorseStatus = { ok: true, text: () => t("endorsements.added") };
      this.loadEndorsements();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.endorseErrors = error.errors;
      this.endorseStatus = failure(error, this.endorseErrors, ENDORSE_FIELDS, {
        403: () => t("endorsements.forbidden"),
        409: () => t("endorsements.duplicate"),
      });
      if (error instanceof ApiError && error.status === 409) this.loadEndorsements();
    } finally {
      this.endorsing = false;
    }
  }

  private async withdraw(e: EndorsementDto): Promise<void> {
    try {
      await api.withdrawEndorsement(this.businessId, e.endorserId);
      if (this.endorsements) this.endorsements = { ...this.endorsements, items: this.endorsements.items.filter((x) => !sameId(x.endorserId, e.endorserId)) };
      this.endorseStatus = null;
    } catch (error) {
      this.endorseStatus = failure(error, {}, [], { 403: () => t("showcase.forbidden") });
    }
    this.loadEndorsements();
  }

  private readonly firmName = (id: string): string =>
    this.showcase?.projects.flatMap((p) => [{ id: p.publisherId, name: p.publisherName }, ...p.partners.map((x) => ({ id: x.firmId, name: x.firmName }))])
      .find((x) => sameId(x.id, id))?.name ?? id;

  private answerActions(p: ShowcaseDto) {
    const mine = answerableFor(p);
    const status = this.answerStatus?.projectId === p.id ? this.answerStatus.status : null;
    if (mine.length === 0 && !status) return nothing;
    const reasonErrors = fieldMessages(this.answerErrors, "reason");
    return html`<div class="showcase-actions">
      ${mine.map((partnerId) =>
        this.declining?.projectId === p.id && sameId(this.declining.partnerId, partnerId)
          ? html`<div class="field">
              <label for="decline-${p.id}">${t("showcase.reason")}</label>
              <textarea id="decline-${p.id}" rows="2" maxlength="1000" data-testid="showcase-reason" .value=${live(this.reason)}
                aria-invalid=${reasonErrors.length ? "true" : "false"}
                @input=${(e: InputEvent) => { this.reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
              ${fieldErrorView("reason", reasonErrors)}
              <p class="actions">
                <button type="button" class="danger" ?disabled=${this.answering} data-testid="showcase-decline-submit"
                  @click=${() => void this.answer(p, partnerId, false)}>${t("showcase.declineSubmit")}</button>
                <button type="button" @click=${() => (this.declining = null)}>${t("showcase.cancel")}</button>
              </p>
            </div>`
          : html`<p class="actions">
              <button type="button" class="primary" ?disabled=${this.answering} data-testid="showcase-confirm" data-firm-id=${partnerId}
                @click=${() => void this.answer(p, partnerId, true)}>${t("showcase.confirm", { firm: this.firmName(partnerId) })}</button>
              <button type="button" ?disabled=${this.answering} data-testid="showcase-decline" data-firm-id=${partnerId}
                @click=${() => { this.declining = { projectId: p.id, partnerId }; this.reason = ""; this.answerErrors = {}; }}>
                ${t("showcase.decline", { firm: this.firmName(partnerId) })}</button>
            </p>`,
      )}
      ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="showcase-answer-status">${status.text()}</p>` : nothing}
    </div>`;
  }

  private publishView() {
    const messages = (field: string) => fieldMessages(this.publishErrors, field);
    const err = (field: string) => fieldErrorView(field, messages(field), `showcase-error-${field}`);
    const described = (field: string) => (messages(field).length ? `showcase-error-${field}` : undefined);
    const invalid = (field: string) => (messages(field).length ? "true" : "false");
    const input = (key: "title" | "client" | "year" | "amount" | "currency", e: InputEvent) => {
      this.form[key] = (e.target as HTMLInputElement).value;
    };
    return html`<details class="showcase-new" ?open=${Object.keys(this.publishErrors).length > 0}>
      <summary>${t("showcase.new")}</summary>
      <form data-testid="showcase-new" @submit=${this.publish} novalidate>
        <p class="muted small">${t("showcase.newIntro")}</p>
        <div class="field">
          <label for="showcase-title">${t("showcase.fieldTitle")}</label>
          <input id="showcase-title" data-testid="showcase-title" maxlength="200" .value=${live(this.form.title)}
            aria-invalid=${invalid("title")} aria-describedby=${ifDefined(described("title"))} @input=${(e: InputEvent) => input("title", e)} />
          ${err("title")}
        </div>
        <div class="field">
          <label for="showcase-description">${t("showcase.fieldDescription")}</label>
          <textarea id="showcase-description" data-testid="showcase-description" rows="3" .value=${live(this.form.description)}
            aria-invalid=${invalid("description")} aria-describedby=${ifDefined(described("description"))}
            @input=${(e: InputEvent) => { this.form.description = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${err("description")}
        </div>
        <div class="row">
          <div class="field grow">
            <label for="showcase-client">${t("showcase.fieldClient")}</label>
            <input id="showcase-client" data-testid="showcase-client" maxlength="200" .value=${live(this.form.client)}
              aria-invalid=${invalid("client")} aria-describedby=${ifDefined(described("client"))} @input=${(e: InputEvent) => input("client", e)} />
            ${err("client")}
          </div>
          <div class="field">
            <label for="showcase-year">${t("showcase.fieldYear")}</label>
            <input id="showcase-year" data-testid="showcase-year" type="number" inputmode="numeric" min="1950" max=${new Date().getFullYear()}
              .value=${live(this.form.year)} aria-invalid=${invalid("year")} aria-describedby=${ifDefined(described("year"))}
              @input=${(e: InputEvent) => input("year", e)} />
            ${err("year")}
          </div>
        </div>
        <div class="row">
          <div class="field grow">
            <label for="showcase-amount">${t("showcase.fieldAmount")}</label>
            <input id="showcase-amount" data-testid="showcase-amount" inputmode="decimal" .value=${live(this.form.amount)}
              aria-invalid=${invalid("value")} aria-describedby=${ifDefined(described("value"))} @input=${(e: InputEvent) => input("amount", e)} />
            ${err("value")}
          </div>
          <div class="field">
            <label for="showcase-currency">${t("showcase.fieldCurrency")}</label>
            <input id="showcase-currency" data-testid="showcase-currency" maxlength="3" size="4" .value=${live(this.form.currency)}
              @input=${(e: InputEvent) => input("currency", e)} />
          </div>
        </div>
        <div class="field">
          <ul class="chips" data-testid="showcase-cpv">
            ${this.form.cpv.map(
              (c) => html`<li class="chip" data-code=${c.code}><code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: c.code })}
                  @click=${() => this.editForm((f) => (f.cpv = f.cpv.filter((x) => x.code !== c.code)))}>×</button></li>`,
            )}
          </ul>
          <label for="showcase-cpv">${t("showcase.fieldCpv")}</label>
          ${this.cpv.view("showcase-cpv", described("cpv"), messages("cpv").length > 0)}
          ${err("cpv")}
        </div>
        <div class="field">
          <ul class="chips" data-testid="showcase-partners">
            ${this.form.partners.map(
              (p) => html`<li class="chip" data-firm-id=${p.id}>${p.name}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: p.name })}
                  @click=${() => this.editForm((f) => (f.partners = f.partners.filter((x) => x.id !== p.id)))}>×</button></li>`,
            )}
          </ul>
          <label for="showcase-partner">${t("showcase.fieldPartners")}</label>
          ${this.partners.view("showcase-partner", described("partners"), messages("partners").length > 0)}
          ${err("partners")}
        </div>
        <p class="actions">
          <button class="primary" type="submit" ?disabled=${this.publishing} data-testid="showcase-submit">${t("showcase.submit")}</button>
        </p>
        <p class="status ${this.publishStatus?.ok ? "ok" : "error"}" role="status" data-testid="showcase-status">${this.publishStatus?.text() ?? ""}</p>
      </form>
    </details>`;
  }

  private endorseView(choices: EndorserDto[]) {
    if (choices.length === 0) return nothing;
    const firm = choices.find((c) => sameId(c.firmId, this.endorserId)) ?? choices[0]!;
    const messages = (field: string) => fieldMessages(this.endorseErrors, field);
    const err = (field: string) => fieldErrorView(field, messages(field), `endorse-error-${field}`);
    return html`<form class="endorse" data-testid="endorse-form" @submit=${(e: SubmitEvent) => this.endorse(e, choices)} novalidate>
      <h3>${t("endorsements.new")}</h3>
      ${choices.length > 1
        ? html`<div class="field">
            <label for="endorse-firm">${t("endorsements.firm")}</label>
            <select id="endorse-firm" data-testid="endorse-firm"
              @change=${(e: Event) => { this.endorserId = (e.target as HTMLSelectElement).value; this.endorseProjectId = ""; }}>
              ${choices.map((c) => html`<option value=${c.firmId} ?selected=${sameId(c.firmId, firm.firmId)}>${c.firmName}</option>`)}
            </select>
            ${err("endorserFirmId")}
          </div>`
        : html`<p class="muted small">${t("endorsements.firm")}: <strong>${firm.firmName}</strong></p>${err("endorserFirmId")}`}
      <div class="field">
        <label for="endorse-project">${t("endorsements.project")}</label>
        <select id="endorse-project" data-testid="endorse-project"
          @change=${(e: Event) => { this.endorseProjectId = (e.target as HTMLSelectElement).value; }}>
          ${firm.projects.map((p) => html`<option value=${p.id} ?selected=${p.id === this.endorseProjectId}>${p.title} (${p.year})</option>`)}
        </select>
        ${err("projectId")}
      </div>
      <div class="field">
        <label for="endorse-text">${t("endorsements.text")}</label>
        <textarea id="endorse-text" data-testid="endorse-text" rows="3" maxlength="1000" .value=${live(this.endorseText)}
          aria-invalid=${messages("text").length ? "true" : "false"}
          @input=${(e: InputEvent) => { this.endorseText = (e.target as HTMLTextAreaElement).value; }}></textarea>
        ${err("text")}
      </div>
      <p class="actions">
        <button class="primary" type="submit" ?disabled=${this.endorsing} data-testid="endorse-submit">${t("endorsements.submit")}</button>
      </p>
    </form>`;
  }

  private endorsementsView() {
    const choices = this.endorsements ? endorsers(this.endorsements) : [];
    return html`<section class="card" data-testid="endorsements-section" aria-labelledby="endorsements-title">
      <h2 id="endorsements-title">${t("endorsements.title")}</h2>
      ${this.endorsementsFailed
        ? loadErrorView()
        : this.endorsements === null
          ? loadingView()
          : this.endorsements.items.length === 0
            ? html`<p class="muted">${t("endorsements.empty")}</p>`
            : html`<ul class="endorsements">
                ${this.endorsements.items.map(
                  (e) => html`<li data-testid="endorsement-item" data-endorser-id=${e.endorserId} data-project-id=${e.projectId}>
                    <p><a href=${href({ name: "business", id: e.endorserId })}><strong>${e.endorserName}</strong></a>
                      <span class="muted">${t("endorsements.about", { project: e.projectTitle })} · ${formatDate(e.at)}</span></p>
                    ${e.text ? html`<blockquote>${e.text}</blockquote>` : nothing}
                    ${allows(e.actions, "Withdraw")
                      ? html`<button type="button" class="small" data-testid="endorsement-withdraw" @click=${() => void this.withdraw(e)}>
                          ${t("endorsements.withdraw")}</button>`
                      : nothing}
                  </li>`,
                )}
              </ul>`}
      ${this.endorseView(choices)}
      <p class="status ${this.endorseStatus?.ok ? "ok" : "error"}" role="status" data-testid="endorse-status">${this.endorseStatus?.text() ?? ""}</p>
    </section>`;
  }

  private showcaseView() {
    const own = isOwnPeople(this.businessId, this.roles);
    const projects = this.showcase?.projects ?? null;
    const mayPublish = this.showcase !== null && allows(this.showcase.actions, "Publish");
    return html`<section class="card" data-testid="showcase-section" aria-labelledby="showcase-title">
      <h2 id="showcase-title">${t("showcase.title")}</h2>
      <p class="muted small">${t("showcase.intro")}</p>
      ${this.projectsFailed
        ? html`<p class="alert error" role="alert">${t("showcase.loadFailed")}</p>`
        : projects === null
          ? loadingView()
          : projects.length === 0
            ? html`<p class="muted">${t("showcase.empty")}</p>`
            : html`<ul class="showcase-list">
                ${projects.map((p) =>
                  projectView(p, {
                    showStates: own || p.partners.some((x) => this.roles.has(x.firmId.toLowerCase())) || this.roles.has(p.publisherId.toLowerCase()),
                    actions: this.answerActions(p),
                    reportable: currentUser() !== null,
                  }),
                )}
              </ul>`}
      ${mayPublish ? this.publishView() : nothing}
    </section>`;
  }
}

customElements.define("business-showcase", BusinessShowcase);

declare global {
  interface HTMLElementTagNameMap {
    "business-showcase": BusinessShowcase;
  }
}
