// #/businesses/{id}/edit — the profile form for Owners and Managers.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, invalidIndexes, type FieldErrors } from "../../api/problem";
import type { BusinessProfileDto, BusinessSize, CapabilityDto, ComuneDto, EditProfileRequest } from "../../api/types";
import { localized, t, type MessageKey } from "../../i18n";
import type { Page, Redraw } from "../../page";
import { href } from "../../router";
import { fieldErrorView, loadErrorView, loadingView, notFoundView } from "../../views";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { describeRefusal } from "../../i18n/refusals";
import { comuneLabel } from "./format";
import { allows } from "../../api/viewer-actions";
import { buildEditRequest, formFromProfile, gives, type ProfileForm, type TextField } from "./profile-form";
import { logoField } from "./logo-field";
import { typeahead } from "../../typeahead";
import { cpvTree } from "./cpv-tree";

const sizes: readonly BusinessSize[] = ["Micro", "Small", "Medium", "Large"];
const shownFields: readonly (keyof EditProfileRequest)[] = [
  "name", "vatNumber", "taxCode", "description", "capabilities", "tags", "comuneCode",
  "address", "size", "website", "contactEmail", "contactPhone",
];

/** What the last save did; the text is made when shown, so it follows a change of language. */
type Status = { state: "saved" | "error" | "conflict"; text: () => string } | null;

export function editPage(id: string, redraw: Redraw): Page {
  let profile: BusinessProfileDto | null = null;
  let form: ProfileForm | null = null;
  let failure: "notFound" | "forbidden" | "error" | null = null;
  let errors: FieldErrors = {};
  /** The request the errors are about: `capabilities[2]` is the third code sent, whatever the form shows now. */
  let sent: EditProfileRequest | null = null;
  let status: Status = null;
  let saving = false;

  const cpv = typeahead<CapabilityDto>(
    {
      testid: "cpv-search",
      optionTestid: "cpv-option",
      placeholder: () => t("edit.cpvPlaceholder"),
      search: (q) => api.searchCpv(q),
      key: (entry) => entry.code,
      option: (entry) => html`<code>${entry.code}</code> ${localized(entry.labelIt, entry.labelEn)}`,
      pick: (entry) => {
        if (form && !form.capabilities.some((c) => c.code === entry.code)) form.capabilities = [...form.capabilities, entry];
      },
    },
    redraw,
  );
  const tree = cpvTree(
    {
      pick: (node) => {
        if (form && !form.capabilities.some((c) => c.code === node.code))
          form.capabilities = [...form.capabilities, { code: node.code, labelIt: node.labelIt, labelEn: node.labelEn }];
      },
      picked: (code) => form?.capabilities.some((c) => c.code === code) ?? false,
    },
    redraw,
  );
  const comune = typeahead<ComuneDto>(
    {
      testid: "comune-search",
      optionTestid: "comune-option",
      placeholder: () => t("edit.comunePlaceholder"),
      search: (q) => api.searchComuni(q),
      key: (c) => c.code,
      option: (c) => html`${comuneLabel(c.name, c.provinceSigla)} <span class="muted">${c.regionName}</span>`,
      pick: (c) => {
        if (form) form.comune = { code: c.code, label: comuneLabel(c.name, c.provinceSigla) };
      },
    },
    redraw,
  );

  // The logo is saved on its own (PUT /logo), not with the form: a new profile answer brings the new version and address.
  const logo = logoField(id, (fresh) => {
    if (!profile || !form) return;
    // Only the logo changed since the form was read: the form's edits still apply to the new version. Otherwise someone
    // else saved meanwhile, and the form's version stays, so its save is refused as stale rather than undoing theirs.
    if (fresh.version === form.version + 1) form.version = fresh.version;
    profile = { ...profile, logo: fresh.logo };
  }, redraw);

  function reset(fresh: BusinessProfileDto): void {
    profile = fresh;
    form = formFromProfile(fresh);
  }

  async function load(): Promise<void> {
    try {
      const fresh = await api.business(id);
      if (allows(fresh.actions, "Edit")) reset(fresh);
      else failure = "forbidden";
    } catch (error) {
      failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    }
    redraw();
  }

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!form || saving) return;
    saving = true;
    errors = {};
    status = null;
    sent = buildEditRequest(form);
    redraw();
    try {
      reset(await api.editProfile(id, sent));
      status = { state: "saved", text: () => t("edit.saved") };
    } catch (error) {
      status = await explain(error);
    } finally {
      saving = false;
      redraw();
    }
    if (Object.keys(errors).length > 0) setTimeout(showFirstError);
  }

  /** Takes the user to the first field that needs fixing, since the Save button sits below them all. */
  function showFirstError(): void {
    const first = document.querySelector<HTMLElement>("form.edit [aria-invalid='true'], form.edit .field-error");
    if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement || first instanceof HTMLSelectElement)
      first.focus();
    else first?.scrollIntoView({ block: "center" });
  }

  async function explain(error: unknown): Promise<Status> {
    if (!(error instanceof ApiError)) return { state: "error", text: () => describeRefusal(error) };
    switch (error.status) {
      case 400: {
        errors = error.errors;
        return { state: "error", text: () => [t("form.invalid"), ...otherFieldMessages(errors, shownFields)].join(" ") };
      }
      case 409:
        // Someone saved first: show their values; the user re-applies their change on top.
        try {
          reset(await api.business(id));
          return { state: "conflict", text: () => t("edit.conflict") };
        } catch {
          return { state: "error", text: () => t("error.load") };
        }
      case 403:
        return { state: "error", text: () => t("edit.forbidden") };
      case 404:
        failure = "notFound";
        return null;
      default:
        return { state: "error", text: () => describeRefusal(error) };
    }
  }

  // Translated on every render, so that switching language re-translates the errors shown.
  const messages = (field: keyof EditProfileRequest) => fieldMessages(errors, field);
  const fieldError = (field: keyof EditProfileRequest) => fieldErrorView(field, messages(field), `error-${field}`);
  const invalid = (field: keyof EditProfileRequest) => (messages(field).length ? "true" : "false");
  const describedBy = (field: keyof EditProfileRequest) => (messages(field).length ? `error-${field}` : undefined);

  function text(f: ProfileForm, field: TextField, label: MessageKey, testid: string, type = "text", hint?: MessageKey) {
    const inputId = `edit-${field}`;
    const onInput = (e: InputEvent) => (f[field] = (e.target as HTMLInputElement).value);
    const requestField = field as keyof EditProfileRequest;
    return html`<div class="field">
      <label for=${inputId}>${t(label)}</label>
      ${field === "description"
        ? html`<textarea id=${inputId} rows="5" data-testid=${testid} .value=${live(f[field])} @input=${onInput}
            aria-invalid=${invalid(requestField)} aria-describedby=${ifDefined(describedBy(requestField))}></textarea>`
        : html`<input id=${inputId} type=${type} data-testid=${testid} .value=${live(f[field])} @input=${onInput}
            ?required=${field === "name"} aria-invalid=${invalid(requestField)} aria-describedby=${ifDefined(describedBy(requestField))} />`}
      ${hint ? html`<small class="hint">${t(hint)}</small>` : nothing}
      ${fieldError(requestField)}
    </div>`;
  }

  function formView(f: ProfileForm, p: BusinessProfileDto) {
    const badCodes = new Set([...invalidIndexes(errors, "capabilities")].map((i) => sent?.capabilities?.[i]));
    return html`
      <form class="edit" @submit=${save} novalidate>
        <div class="page-head">
          <h1>${t("edit.title", { name: p.name })}</h1>
          <p class="muted">${t(`kind.${p.kind}`)} · ${t("edit.version", { version: f.version })}</p>
        </div>

        <section class="card">
          <h2>${t("edit.general")}</h2>
          ${text(f, "name", "edit.name", "edit-name")}
          <div class="row">
            ${gives(f, "vatNumber") ? text(f, "vatNumber", "edit.vatNumber", "edit-vat", "text", "edit.vatHint") : nothing}
            ${gives(f, "taxCode") ? text(f, "taxCode", "edit.taxCode", "edit-tax-code", "text", "edit.taxCodeHint") : nothing}
            ${gives(f, "size")
              ? html`<div class="field">
                  <label for="edit-size">${t("edit.size")}</label>
                  <select id="edit-size" data-testid="edit-size"
                    @change=${(e: Event) => (f.size = (e.target as HTMLSelectElement).value as BusinessSize | "")}>
                    <option value="" ?selected=${f.size === ""}>${t("edit.sizeNone")}</option>
                    ${sizes.map((s) => html`<option value=${s} ?selected=${f.size === s}>${t(`size.${s}`)}</option>`)}
                  </select>
                  ${fieldError("size")}
                </div>`
              : nothing}
          </div>
          ${text(f, "description", "edit.description", "edit-description")}
        </section>

        ${logo.view(p)}

        <section class="card">
          <h2>${t("edit.capabilities")}</h2>
          <ul class="chips" data-testid="edit-capabilities">
            ${f.capabilities.map(
              (c) => html`<li class="chip ${badCodes.has(c.code) ? "invalid" : ""}" data-code=${c.code}>
                <code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: c.code })}
                  @click=${() => { f.capabilities = f.capabilities.filter((x) => x.code !== c.code); redraw(); }}>×</button>
              </li>`,
            )}
          </ul>
          <div class="field">
            <label for="edit-cpv">${t("edit.addCapability")}</label>
            ${cpv.view("edit-cpv", describedBy("capabilities"))}
            ${fieldError("capabilities")}
            ${tree.view()}
          </div>
          ${text(f, "tags", "edit.tags", "edit-tags", "text", "edit.tagsHint")}
        </section>

        <section class="card">
          <h2>${t("edit.where")}</h2>
          <div class="field">
            <label for="edit-comune">${t("edit.comune")}</label>
            ${f.comune
              ? html`<p class="chips"><span class="chip" data-testid="edit-comune" data-code=${f.comune.code}>${f.comune.label}
                  <button type="button" class="remove" aria-label=${t("edit.remove", { item: f.comune.label })}
                    @click=${() => { f.comune = null; redraw(); }}>×</button></span></p>`
              : nothing}
            ${comune.view("edit-comune", describedBy("comuneCode"))}
            ${fieldError("comuneCode")}
          </div>
          ${text(f, "address", "edit.address", "edit-address")}
        </section>

        <section class="card">
          <h2>${t("edit.contacts")}</h2>
          ${text(f, "website", "edit.website", "edit-website", "url")}
          <div class="row">
            ${text(f, "contactEmail", "edit.contactEmail", "edit-contact-email", "email")}
            ${text(f, "contactPhone", "edit.contactPhone", "edit-contact-phone", "tel")}
          </div>
        </section>

        <div class="actions form-actions">
          <button class="primary" type="submit" ?disabled=${saving} data-testid="edit-save">
            ${t(saving ? "edit.saving" : "edit.save")}</button>
          <a href=${href({ name: "business", id })}>${t("edit.viewPublic")}</a>
          <p class="status ${status?.state ?? ""}" role="status" aria-live="polite" data-testid="edit-status"
            data-state=${status?.state ?? ""}>${status?.text() ?? ""}</p>
        </div>
      </form>
    `;
  }

  void load();

  return {
    title: () => t("edit.pageTitle"),
    dispose: () => {
      cpv.dispose();
      comune.dispose();
    },
    view: () => {
      if (failure === "notFound") return notFoundView(t("business.notFound"));
      if (failure === "forbidden")
        return html`<section class="card narrow"><h1>${t("edit.forbiddenTitle")}</h1><p>${t("edit.forbidden")}</p>
          <p><a href=${href({ name: "business", id })}>${t("edit.viewPublic")}</a></p></section>`;
      if (failure === "error") return loadErrorView();
      return form && profile ? formView(form, profile) : loadingView();
    },
  };
}
