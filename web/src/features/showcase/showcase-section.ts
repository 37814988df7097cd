// The showcase and endorsements of one business, on its page: projects (with Confirm / Decline for the partners'
// Owners and Managers), the "publish a project" form for its own, the endorsements, and the form to endorse it
// for firms that share a verified project with it. Reloaded when the hub says a project changed.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type {
  BusinessKind,
  CapabilityDto,
  DirectoryEntryDto,
  EndorseRequest,
  EndorsementDto,
  MemberRole,
  ShowcaseDto,
} from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";
import { formatDate, localized, t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { href } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { canManage } from "../businesses/roles";
import {
  answerableFor,
  buildShowcaseRequest,
  emptyShowcaseForm,
  endorsers,
  isOwnPeople,
  mayWithdraw,
  sameId,
  type Roles,
  type ShowcaseForm,
} from "./showcase";
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

export function showcaseSection(businessId: string, redraw: Redraw) {
  let projects: ShowcaseDto[] | null = null;
  let endorsements: EndorsementDto[] | null = null;
  let projectsFailed = false;
  let endorsementsFailed = false;
  let roles: Roles = new Map();
  let kind: BusinessKind | null = null;

  // Publish form.
  let form: ShowcaseForm = emptyShowcaseForm();
  let publishErrors: FieldErrors = {};
  let publishStatus: Status = null;
  let publishing = false;

  // Answers.
  let declining: { projectId: string; partnerId: string } | null = null;
  let reason = "";
  let answerErrors: FieldErrors = {};
  let answerStatus: { projectId: string; status: Status } | null = null;
  let answering = false;

  // Endorse form.
  let endorserId = "";
  let endorseProjectId = "";
  let endorseText = "";
  let endorseErrors: FieldErrors = {};
  let endorseSent: EndorseRequest | undefined;
  let endorseStatus: Status = null;
  let endorsing = false;

  const loadProjects = latestOnly(
    () => api.businessShowcase(businessId),
    (list) => {
      projects = list;
      projectsFailed = false;
      redraw();
    },
    () => {
      projectsFailed = projects === null;
      redraw();
    },
  );
  const loadEndorsements = latestOnly(
    () => api.endorsements(businessId),
    (list) => {
      endorsements = list;
      endorsementsFailed = false;
      redraw();
    },
    () => {
      endorsementsFailed = endorsements === null;
      redraw();
    },
  );

  function load(): void {
    loadProjects();
    loadEndorsements();
  }

  const cpv = typeahead<CapabilityDto>(
    {
      testid: "showcase-cpv-search",
      optionTestid: "showcase-cpv-option",
      placeholder: () => t("edit.cpvPlaceholder"),
      search: (q) => api.searchCpv(q),
      key: (entry) => entry.code,
      option: (entry) => html`<code>${entry.code}</code> ${localized(entry.labelIt, entry.labelEn)}`,
      pick: (entry) => {
        if (!form.cpv.some((c) => c.code === entry.code)) form.cpv = [...form.cpv, entry];
      },
    },
    redraw,
  );
  const partners = typeahead<DirectoryEntryDto>(
    {
      testid: "showcase-partner-search",
      optionTestid: "showcase-partner-option",
      placeholder: () => t("showcase.partnerPlaceholder"),
      search: async (q) =>
        (await api.directory(q, 1, 10)).items.filter((b) => b.kind === "Firm" && !sameId(b.id, businessId)),
      key: (b) => b.id,
      option: (b) => html`${b.name} ${b.comuneName ? html`<span class="muted">${b.comuneName}${b.provinceSigla ? ` (${b.provinceSigla})` : ""}</span>` : nothing}`,
      pick: (b) => {
        if (!form.partners.some((p) => sameId(p.id, b.id))) form.partners = [...form.partners, { id: b.id, name: b.name }];
      },
    },
    redraw,
  );

  async function publish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    publishErrors = {};
    publishStatus = null;
    const built = buildShowcaseRequest(businessId, form);
    if ("errors" in built) {
      publishErrors = built.errors;
      redraw();
      return;
    }
    publishing = true;
    redraw();
    try {
      const created = await api.publishShowcase(built.body);
      projects = [created, ...(projects ?? []).filter((p) => p.id !== created.id)];
      form = emptyShowcaseForm();
      cpv.setText("");
      partners.setText("");
      publishStatus = { ok: true, text: () => t("showcase.published") };
      loadProjects();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) publishErrors = error.errors;
      publishStatus = failure(error, publishErrors, PUBLISH_FIELDS, { 403: () => t("showcase.forbidden") });
    } finally {
      publishing = false;
      redraw();
    }
  }

  async function answer(project: ShowcaseDto, partnerId: string, confirm: boolean): Promise<void> {
    const body = { partnerId, confirm, version: project.version, reason: confirm || reason.trim() === "" ? null : reason.trim() };
    answerErrors = {};
    answering = true;
    answerStatus = null;
    redraw();
    try {
      const fresh = await api.answerShowcase(project.id, body);
      projects = (projects ?? []).map((p) => (p.id === fresh.id ? fresh : p));
      declining = null;
      reason = "";
      answerStatus = { projectId: project.id, status: { ok: true, text: () => t("showcase.answered") } };
      loadProjects();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) answerErrors = error.errors;
      answerStatus = {
        projectId: project.id,
        status: failure(error, answerErrors, ["reason"], {
          403: () => t("showcase.forbidden"),
          409: () => t("showcase.changed"),
        }),
      };
      if (error instanceof ApiError && error.status === 409) loadProjects();
    } finally {
      answering = false;
      redraw();
    }
  }

  async function endorse(event: SubmitEvent, choices: ReturnType<typeof endorsers>): Promise<void> {
    event.preventDefault();
    const firm = choices.find((c) => sameId(c.firmId, endorserId)) ?? choices[0];
    if (!firm) return;
    const project = firm.projects.find((p) => p.id === endorseProjectId) ?? firm.projects[0];
    endorseSent = { endorserFirmId: firm.firmId, projectId: project?.id ?? "", text: endorseText.trim() === "" ? null : endorseText.trim() };
    endorseErrors = {};
    endorseStatus = null;
    endorsing = true;
    redraw();
    try {
      const added = await api.endorse(businessId, endorseSent);
      endorsements = [added, ...(endorsements ?? []).filter((e) => !sameId(e.endorserId, added.endorserId))];
      endorseText = "";
      endorseStatus = { ok: true, text: () => t("endorsements.added") };
      loadEndorsements();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) endorseErrors = error.errors;
      endorseStatus = failure(error, endorseErrors, ENDORSE_FIELDS, {
        403: () => t("endorsements.forbidden"),
        409: () => t("endorsements.duplicate"),
      });
      if (error instanceof ApiError && error.status === 409) loadEndorsements();
    } finally {
      endorsing = false;
      redraw();
    }
  }

  async function withdraw(e: EndorsementDto): Promise<void> {
    try {
      await api.withdrawEndorsement(businessId, e.endorserId);
      endorsements = (endorsements ?? []).filter((x) => !sameId(x.endorserId, e.endorserId));
      endorseStatus = null;
    } catch (error) {
      endorseStatus = failure(error, {}, [], { 403: () => t("showcase.forbidden") });
    }
    loadEndorsements();
    redraw();
  }

  const firmName = (id: string): string =>
    projects?.flatMap((p) => [{ id: p.publisherId, name: p.publisherName }, ...p.partners.map((x) => ({ id: x.firmId, name: x.firmName }))])
      .find((x) => sameId(x.id, id))?.name ?? id;

  function answerActions(p: ShowcaseDto) {
    const mine = answerableFor(p, roles);
    const status = answerStatus?.projectId === p.id ? answerStatus.status : null;
    if (mine.length === 0 && !status) return nothing;
    const reasonErrors = fieldMessages(answerErrors, "reason");
    return html`<div class="showcase-actions">
      ${mine.map((partnerId) =>
        declining?.projectId === p.id && sameId(declining.partnerId, partnerId)
          ? html`<div class="field">
              <label for="decline-${p.id}">${t("showcase.reason")}</label>
              <textarea id="decline-${p.id}" rows="2" maxlength="1000" data-testid="showcase-reason" .value=${live(reason)}
                aria-invalid=${reasonErrors.length ? "true" : "false"}
                @input=${(e: InputEvent) => { reason = (e.target as HTMLTextAreaElement).value; }}></textarea>
              ${fieldErrorView("reason", reasonErrors)}
              <p class="actions">
                <button type="button" class="danger" ?disabled=${answering} data-testid="showcase-decline-submit"
                  @click=${() => void answer(p, partnerId, false)}>${t("showcase.declineSubmit")}</button>
                <button type="button" @click=${() => { declining = null; redraw(); }}>${t("showcase.cancel")}</button>
              </p>
            </div>`
          : html`<p class="actions">
              <button type="button" class="primary" ?disabled=${answering} data-testid="showcase-confirm" data-firm-id=${partnerId}
                @click=${() => void answer(p, partnerId, true)}>${t("showcase.confirm", { firm: firmName(partnerId) })}</button>
              <button type="button" ?disabled=${answering} data-testid="showcase-decline" data-firm-id=${partnerId}
                @click=${() => { declining = { projectId: p.id, partnerId }; reason = ""; answerErrors = {}; redraw(); }}>
                ${t("showcase.decline", { firm: firmName(partnerId) })}</button>
            </p>`,
      )}
      ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status" data-testid="showcase-answer-status">${status.text()}</p>` : nothing}
    </div>`;
  }

  function publishView() {
    const messages = (field: string) => fieldMessages(publishErrors, field);
    const err = (field: string) => fieldErrorView(field, messages(field), `showcase-error-${field}`);
    const described = (field: string) => (messages(field).length ? `showcase-error-${field}` : undefined);
    const invalid = (field: string) => (messages(field).length ? "true" : "false");
    const input = (key: "title" | "client" | "year" | "amount" | "currency", e: InputEvent) => {
      form[key] = (e.target as HTMLInputElement).value;
    };
    return html`<details class="showcase-new" ?open=${Object.keys(publishErrors).length > 0}>
      <summary>${t("showcase.new")}</summary>
      <form data-testid="showcase-new" @submit=${publish} novalidate>
        <p class="muted small">${t("showcase.newIntro")}</p>
        <div class="field">
          <label for="showcase-title">${t("showcase.fieldTitle")}</label>
          <input id="showcase-title" data-testid="showcase-title" maxlength="200" .value=${live(form.title)}
            aria-invalid=${invalid("title")} aria-describedby=${ifDefined(described("title"))} @input=${(e: InputEvent) => input("title", e)} />
          ${err("title")}
        </div>
        <div class="field">
          <label for="showcase-description">${t("showcase.fieldDescription")}</label>
          <textarea id="showcase-description" data-testid="showcase-description" rows="3" .value=${live(form.description)}
            aria-invalid=${invalid("description")} aria-describedby=${ifDefined(described("description"))}
            @input=${(e: InputEvent) => { form.description = (e.target as HTMLTextAreaElement).value; }}></textarea>
          ${err("description")}
        </div>
        <div class="row">
          <div class="field grow">
            <label for="showcase-client">${t("showcase.fieldClient")}</label>
            <input id="showcase-client" data-testid="showcase-client" maxlength="200" .value=${live(form.client)}
              aria-invalid=${invalid("client")} aria-describedby=${ifDefined(described("client"))} @input=${(e: InputEvent) => input("client", e)} />
            ${err("client")}
          </div>
          <div class="field">
            <label for="showcase-year">${t("showcase.fieldYear")}</label>
            <input id="showcase-year" data-testid="showcase-year" type="number" inputmode="numeric" min="1950" max=${new Date().getFullYear()}
              .value=${live(form.year)} aria-invalid=${invalid("year")} aria-describedby=${ifDefined(described("year"))}
              @input=${(e: InputEvent) => input("year", e)} />
            ${err("year")}
          </div>
        </div>
        <div class="row">
          <div class="field grow">
            <label for="showcase-amount">${t("showcase.fieldAmount")}</label>
            <input id="showcase-amount" data-testid="showcase-amount" inputmode="decimal" .value=${live(form.amount)}
              aria-invalid=${invalid("value")} aria-describedby=${ifDefined(described("value"))} @input=${(e: InputEvent) => input("amount", e)} />
            ${err("value")}
          </div>
          <div class="field">
            <label for="showcase-currency">${t("showcase.fieldCurrency")}</label>
            <input id="showcase-currency" data-testid="showcase-currency" maxlength="3" size="4" .value=${live(form.currency)}
              @input=${(e: InputEvent) => input("currency", e)} />
          </div>
        </div>
        <div class="field">
          <ul class="chips" data-testid="showcase-cpv">
            ${form.cpv.map(
              (c) => html`<li class="chip" data-code=${c.code}><code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: c.code })}
                  @click=${() => { form.cpv = form.cpv.filter((x) => x.code !== c.code); redraw(); }}>×</button></li>`,
            )}
          </ul>
          <label for="showcase-cpv">${t("showcase.fieldCpv")}</label>
          ${cpv.view("showcase-cpv", described("cpv"), messages("cpv").length > 0)}
          ${err("cpv")}
        </div>
        <div class="field">
          <ul class="chips" data-testid="showcase-partners">
            ${form.partners.map(
              (p) => html`<li class="chip" data-firm-id=${p.id}>${p.name}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: p.name })}
                  @click=${() => { form.partners = form.partners.filter((x) => x.id !== p.id); redraw(); }}>×</button></li>`,
            )}
          </ul>
          <label for="showcase-partner">${t("showcase.fieldPartners")}</label>
          ${partners.view("showcase-partner", described("partners"), messages("partners").length > 0)}
          ${err("partners")}
        </div>
        <p class="actions">
          <button class="primary" type="submit" ?disabled=${publishing} data-testid="showcase-submit">${t("showcase.submit")}</button>
        </p>
        <p class="status ${publishStatus?.ok ? "ok" : "error"}" role="status" data-testid="showcase-status">${publishStatus?.text() ?? ""}</p>
      </form>
    </details>`;
  }

  function endorseView(choices: ReturnType<typeof endorsers>) {
    if (choices.length === 0) return nothing;
    const firm = choices.find((c) => sameId(c.firmId, endorserId)) ?? choices[0]!;
    const messages = (field: string) => fieldMessages(endorseErrors, field);
    const err = (field: string) => fieldErrorView(field, messages(field), `endorse-error-${field}`);
    return html`<form class="endorse" data-testid="endorse-form" @submit=${(e: SubmitEvent) => endorse(e, choices)} novalidate>
      <h3>${t("endorsements.new")}</h3>
      ${choices.length > 1
        ? html`<div class="field">
            <label for="endorse-firm">${t("endorsements.firm")}</label>
            <select id="endorse-firm" data-testid="endorse-firm"
              @change=${(e: Event) => { endorserId = (e.target as HTMLSelectElement).value; endorseProjectId = ""; redraw(); }}>
              ${choices.map((c) => html`<option value=${c.firmId} ?selected=${sameId(c.firmId, firm.firmId)}>${firmName(c.firmId)}</option>`)}
            </select>
            ${err("endorserFirmId")}
          </div>`
        : html`<p class="muted small">${t("endorsements.firm")}: <strong>${firmName(firm.firmId)}</strong></p>${err("endorserFirmId")}`}
      <div class="field">
        <label for="endorse-project">${t("endorsements.project")}</label>
        <select id="endorse-project" data-testid="endorse-project"
          @change=${(e: Event) => { endorseProjectId = (e.target as HTMLSelectElement).value; }}>
          ${firm.projects.map((p) => html`<option value=${p.id} ?selected=${p.id === endorseProjectId}>${p.title} (${p.year})</option>`)}
        </select>
        ${err("projectId")}
      </div>
      <div class="field">
        <label for="endorse-text">${t("endorsements.text")}</label>
        <textarea id="endorse-text" data-testid="endorse-text" rows="3" maxlength="1000" .value=${live(endorseText)}
          aria-invalid=${messages("text").length ? "true" : "false"}
          @input=${(e: InputEvent) => { endorseText = (e.target as HTMLTextAreaElement).value; }}></textarea>
        ${err("text")}
      </div>
      <p class="actions">
        <button class="primary" type="submit" ?disabled=${endorsing} data-testid="endorse-submit">${t("endorsements.submit")}</button>
      </p>
    </form>`;
  }

  function endorsementsView() {
    const choices = endorsers(businessId, projects ?? [], roles, (endorsements ?? []).map((e) => e.endorserId));
    return html`<section class="card" data-testid="endorsements-section" aria-labelledby="endorsements-title">
      <h2 id="endorsements-title">${t("endorsements.title")}</h2>
      ${endorsementsFailed
        ? loadErrorView()
        : endorsements === null
          ? loadingView()
          : endorsements.length === 0
            ? html`<p class="muted">${t("endorsements.empty")}</p>`
            : html`<ul class="endorsements">
                ${endorsements.map(
                  (e) => html`<li data-testid="endorsement-item" data-endorser-id=${e.endorserId} data-project-id=${e.projectId}>
                    <p><a href=${href({ name: "business", id: e.endorserId })}><strong>${e.endorserName}</strong></a>
                      <span class="muted">${t("endorsements.about", { project: e.projectTitle })} · ${formatDate(e.at)}</span></p>
                    ${e.text ? html`<blockquote>${e.text}</blockquote>` : nothing}
                    ${mayWithdraw(e.endorserId, roles)
                      ? html`<button type="button" class="small" data-testid="endorsement-withdraw" @click=${() => void withdraw(e)}>
                          ${t("endorsements.withdraw")}</button>`
                      : nothing}
                  </li>`,
                )}
              </ul>`}
      ${endorseView(choices)}
      <p class="status ${endorseStatus?.ok ? "ok" : "error"}" role="status" data-testid="endorse-status">${endorseStatus?.text() ?? ""}</p>
    </section>`;
  }

  function showcaseView() {
    const own = isOwnPeople(businessId, roles);
    const mayPublish = kind === "Firm" && canManage(roles.get(businessId.toLowerCase()) ?? null);
    return html`<section class="card" data-testid="showcase-section" aria-labelledby="showcase-title">
      <h2 id="showcase-title">${t("showcase.title")}</h2>
      <p class="muted small">${t("showcase.intro")}</p>
      ${projectsFailed
        ? html`<p class="alert error" role="alert">${t("showcase.loadFailed")}</p>`
        : projects === null
          ? loadingView()
          : projects.length === 0
            ? html`<p class="muted">${t("showcase.empty")}</p>`
            : html`<ul class="showcase-list">
                ${projects.map((p) =>
                  projectView(p, {
                    showStates: own || p.partners.some((x) => roles.has(x.firmId.toLowerCase())) || roles.has(p.publisherId.toLowerCase()),
                    actions: answerActions(p),
                  }),
                )}
              </ul>`}
      ${mayPublish ? publishView() : nothing}
    </section>`;
  }

  load();

  return {
    load,
    /** The viewer's businesses and roles (from /api/me/businesses), and the kind of the page's business. */
    setViewer(mine: readonly { id: string; role: MemberRole }[]): void {
      roles = new Map(mine.map((b) => [b.id.toLowerCase(), b.role]));
      // Their own people see every project, not only verified ones.
      loadProjects();
      redraw();
    },
    setKind(value: BusinessKind): void {
      kind = value;
    },
    view: () => html`${showcaseView()}${endorsementsView()}`,
    dispose(): void {
      loadProjects.cancel();
      loadEndorsements.cancel();
      cpv.dispose();
      partners.dispose();
    },
  };
}
