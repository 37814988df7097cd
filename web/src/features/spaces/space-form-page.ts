// #/spaces/new — an association creates a space; #/spaces/{id}/settings — its admins edit the settings.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import { allows } from "../../api/viewer-actions";
import type {
  ComuneDto,
  NamedDto,
  SpaceDetailDto,
  SpaceVisibility,
} from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { t, type MessageKey } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import type { Page, Redraw } from "../../page";
import { comuneNames } from "../../reference/comuni";
import { searchProvinces, type Province } from "../../reference/provinces";
import { href, navigate } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView, notFoundView } from "../../views";
import { comuneLabel } from "../businesses/format";
import {
  buildCreateSpaceRequest,
  buildEditSettingsRequest,
  emptySpaceForm,
  formFromDetail,
  type SpaceForm,
} from "./requests";
import { provinceLabel } from "./space-views";

const visibilities: readonly SpaceVisibility[] = ["MembersOnly", "Public"];

type Field = "hostId" | "name" | "description" | "territoryProvinces" | "territoryComuni" | "visibility" | "minimumTenderingDays" | "policyText";
const createFields: readonly Field[] = ["hostId", "name", "description", "territoryProvinces", "territoryComuni", "visibility", "minimumTenderingDays", "policyText"];
const editFields: readonly Field[] = ["name", "description", "territoryProvinces", "territoryComuni", "visibility", "minimumTenderingDays"];

type Status = { state: "error" | "conflict"; text: () => string } | null;

/** `spaceId` null: create a space; otherwise edit that space's settings. */
export function spaceFormPage(spaceId: string | null, redraw: Redraw): Page {
  const creating = spaceId === null;
  let form: SpaceForm | null = null;
  let detail: SpaceDetailDto | null = null;
  /** The associations the server lets the user create a space for. */
  let hosts: NamedDto[] = [];
  let failure: "notFound" | "forbidden" | "noHost" | "error" | null = null;
  let errors: FieldErrors = {};
  let status: Status = null;
  let saving = false;

  const provincePicker = typeahead<Province>(
    {
      testid: "space-province-search",
      optionTestid: "space-province-option",
      placeholder: () => t("spaceForm.provincePlaceholder"),
      search: (q) => Promise.resolve(searchProvinces(q)),
      key: (p) => p.sigla,
      option: (p) => html`${p.name} <code>${p.sigla}</code> <span class="muted">${p.region}</span>`,
      pick: (p) => {
        if (form && !form.provinces.includes(p.sigla)) form.provinces = [...form.provinces, p.sigla];
      },
    },
    redraw,
  );
  const comunePicker = typeahead<ComuneDto>(
    {
      testid: "space-comune-search",
      optionTestid: "space-comune-option",
      placeholder: () => t("spaceForm.comunePlaceholder"),
      search: (q) => api.searchComuni(q),
      key: (c) => c.code,
      option: (c) => html`${comuneLabel(c.name, c.provinceSigla)} <span class="muted">${c.regionName}</span>`,
      pick: (c) => {
        if (form && !form.comuni.some((x) => x.code === c.code))
          form.comuni = [...form.comuni, { code: c.code, label: comuneLabel(c.name, c.provinceSigla) }];
      },
    },
    redraw,
  );

  async function load(): Promise<void> {
    try {
      if (creating) {
        hosts = await api.spaceHosts();
        if (hosts.length === 0) failure = "noHost";
        else form = emptySpaceForm(hosts.length === 1 ? hosts[0]!.id : "");
      } else {
        const fresh = await api.space(spaceId);
        if (!allows(fresh.actions, "EditSettings")) failure = "forbidden";
        else await reset(fresh);
      }
    } catch (error) {
      failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    }
    redraw();
  }

  async function reset(fresh: SpaceDetailDto): Promise<void> {
    // The API names comuni by code; their names come from the client's copy of the list.
    const names = fresh.territoryComuni.length ? await comuneNames().catch(() => null) : null;
    detail = fresh;
    form = formFromDetail(fresh, (code) => {
      const c = names?.get(code);
      return c ? comuneLabel(c.name, c.sigla) : undefined;
    });
  }

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!form || saving) return;
    saving = true;
    errors = {};
    status = null;
    redraw();
    try {
      if (creating) {
        const request = buildCreateSpaceRequest(form);
        const created = await api.createSpace(request);
        navigate({ name: "space", id: created.summary.id });
        return;
      }
      if (!detail) return;
      const request = buildEditSettingsRequest(form, detail.version);
      await api.editSpaceSettings(detail.summary.id, request);
      navigate({ name: "space", id: detail.summary.id });
    } catch (error) {
      status = await explain(error);
      if (Object.keys(errors).length > 0) setTimeout(showFirstError);
    } finally {
      saving = false;
      redraw();
    }
  }

  async function explain(error: unknown): Promise<Status> {
    if (error instanceof ApiError && error.status === 400) {
      errors = error.errors;
      const shown = creating ? createFields : editFields;
      return { state: "error", text: () => [t("form.invalid"), ...otherFieldMessages(errors, shown)].join(" ") };
    }
    if (!creating && error instanceof ApiError && error.status === 409) {
      // Someone saved first: show their values; the user re-applies their change on top.
      try {
        await reset(await api.space(spaceId));
        return { state: "conflict", text: () => t("spaces.problem.settingsConflict") };
      } catch {
        return { state: "error", text: () => t("error.load") };
      }
    }
    return { state: "error", text: () => describeRefusal(error) };
  }

  function showFirstError(): void {
    const first = document.querySelector<HTMLElement>("form.space-form [aria-invalid='true'], form.space-form .field-error");
    if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement || first instanceof HTMLSelectElement) first.focus();
    else first?.scrollIntoView({ block: "center" });
  }

  const messages = (field: Field) => fieldMessages(errors, field);
  const fieldError = (field: Field) => fieldErrorView(field, messages(field), `space-error-${field}`);
  const invalid = (field: Field) => (messages(field).length ? "true" : "false");
  const describedBy = (field: Field, hint?: string) =>
    [hint, messages(field).length ? `space-error-${field}` : undefined].filter(Boolean).join(" ") || undefined;

  function textField(f: SpaceForm, field: "name" | "description" | "policyText", label: MessageKey, hint?: MessageKey) {
    const id = `space-${field}`;
    const onInput = (e: InputEvent) => (f[field] = (e.target as HTMLInputElement).value);
    const hintId = hint ? `${id}-hint` : undefined;
    return html`<div class="field">
      <label for=${id}>${t(label)}</label>
      ${field === "name"
        ? html`<input id=${id} data-testid=${id} required maxlength="120" .value=${live(f[field])} @input=${onInput}
            aria-invalid=${invalid(field)} aria-describedby=${ifDefined(describedBy(field, hintId))} />`
        : html`<textarea id=${id} data-testid=${id} rows=${field === "policyText" ? 12 : 4} ?required=${field === "policyText"}
            maxlength=${field === "policyText" ? 20000 : 4000} .value=${live(f[field])} @input=${onInput}
            aria-invalid=${invalid(field)} aria-describedby=${ifDefined(describedBy(field, hintId))}></textarea>`}
      ${hint ? html`<small class="hint" id=${hintId}>${t(hint)}</small>` : nothing}
      ${fieldError(field)}
    </div>`;
  }

  const removeButton = (label: string, remove: () => void) =>
    html`<button type="button" class="remove" aria-label=${t("edit.remove", { item: label })} @click=${() => { remove(); redraw(); }}>×</button>`;

  function formView(f: SpaceForm) {
    return html`
      <form class="space-form" @submit=${save} novalidate>
        <div class="page-head">
          <h1>${creating ? t("spaceForm.createTitle") : t("spaceForm.editTitle", { name: detail?.summary.name ?? "" })}</h1>
          <p class="muted">${creating ? t("spaceForm.createIntro") : t("spaceForm.editIntro")}</p>
        </div>

        <section class="card">
          <h2>${t("spaceForm.general")}</h2>
          ${creating
            ? html`<div class="field">
                <label for="space-host">${t("spaceForm.host")}</label>
                <select id="space-host" data-testid="space-host" aria-invalid=${invalid("hostId")}
                  aria-describedby=${ifDefined(describedBy("hostId", "space-host-hint"))}
                  @change=${(e: Event) => (f.hostId = (e.target as HTMLSelectElement).value)}>
                  ${hosts.length > 1 ? html`<option value="" ?selected=${f.hostId === ""}>${t("spaceForm.hostChoose")}</option>` : nothing}
                  ${hosts.map((h) => html`<option value=${h.id} ?selected=${h.id === f.hostId}>${h.name}</option>`)}
                </select>
                <small class="hint" id="space-host-hint">${t("spaceForm.hostHint")}</small>
                ${fieldError("hostId")}
              </div>`
            : nothing}
          ${textField(f, "name", "spaceForm.name")}
          ${textField(f, "description", "spaceForm.description", "spaceForm.descriptionHint")}
        </section>

        <section class="card">
          <h2>${t("spaceForm.territory")}</h2>
          <p class="muted small">${t("spaceForm.territoryHint")}</p>
          <div class="field">
            <label for="space-provinces">${t("spaceForm.provinces")}</label>
            <ul class="chips" data-testid="space-provinces">
              ${f.provinces.map(
                (sigla) => html`<li class="chip" data-sigla=${sigla}>${provinceLabel(sigla)}
                  ${removeButton(provinceLabel(sigla), () => (f.provinces = f.provinces.filter((p) => p !== sigla)))}</li>`,
              )}
            </ul>
            ${provincePicker.view("space-provinces", describedBy("territoryProvinces"))}
            ${fieldError("territoryProvinces")}
          </div>
          <div class="field">
            <label for="space-comuni">${t("spaceForm.comuni")}</label>
            <ul class="chips" data-testid="space-comuni">
              ${f.comuni.map(
                (c) => html`<li class="chip" data-code=${c.code}>${c.label}
                  ${removeButton(c.label, () => (f.comuni = f.comuni.filter((x) => x.code !== c.code)))}</li>`,
              )}
            </ul>
            ${comunePicker.view("space-comuni", describedBy("territoryComuni"))}
            ${fieldError("territoryComuni")}
          </div>
        </section>

        <section class="card">
          <h2>${t("spaceForm.visibility")}</h2>
          <fieldset class="choices" aria-describedby=${ifDefined(describedBy("visibility"))}>
            <legend class="visually-hidden">${t("spaceForm.visibility")}</legend>
            ${visibilities.map(
              (v) => html`<label class="choice">
                <input type="radio" name="visibility" value=${v} data-testid="space-visibility-${v}" .checked=${live(f.visibility === v)}
                  @change=${() => { f.visibility = v; redraw(); }} />
                <span><strong>${t(`visibility.${v}`)}</strong><small class="hint">${t(`visibility.${v}.hint`)}</small></span>
              </label>`,
            )}
          </fieldset>
          ${fieldError("visibility")}
        </section>

        <section class="card">
          <h2>${t("spaceForm.tenders")}</h2>
          <div class="field">
            <label for="space-minimum-tendering">${t("spaceForm.minimumTendering")}</label>
            <input id="space-minimum-tendering" data-testid="space-minimum-tendering" type="number" inputmode="numeric" min="0" max="180" step="1"
              class="days-input" .value=${live(f.minimumTenderingDays)} @input=${(e: InputEvent) => (f.minimumTenderingDays = (e.target as HTMLInputElement).value)}
              aria-invalid=${invalid("minimumTenderingDays")} aria-describedby=${ifDefined(describedBy("minimumTenderingDays", "space-minimum-tendering-hint"))} />
            <small class="hint" id="space-minimum-tendering-hint">${t(creating ? "spaceForm.minimumTenderingHintNew" : "spaceForm.minimumTenderingHint")}</small>
            ${fieldError("minimumTenderingDays")}
          </div>
        </section>

        ${creating
          ? nothing
          : html`<section class="card">
              <h2>${t("board.title")}</h2>
              <label class="check">
                <input type="checkbox" data-testid="space-posts-need-approval" .checked=${live(f.postsNeedApproval)}
                  aria-describedby="space-posts-approval-hint" @change=${(e: Event) => { f.postsNeedApproval = (e.target as HTMLInputElement).checked; redraw(); }} />
                ${t("board.settingsApproval")}
              </label>
              <small class="hint" id="space-posts-approval-hint">${t("board.settingsApprovalHint")}</small>
            </section>`}

        ${creating
          ? html`<section class="card">
              <h2>${t("spaceForm.policy")}</h2>
              ${textField(f, "policyText", "spaceForm.policyText", "spaceForm.policyHint")}
            </section>`
          : nothing}

        <div class="actions form-actions">
          <button class="primary" type="submit" ?disabled=${saving} data-testid="space-save">
            ${t(saving ? "edit.saving" : creating ? "spaceForm.create" : "edit.save")}</button>
          <a href=${creating ? href({ name: "spaces" }) : href({ name: "space", id: spaceId })}>${t("spaceForm.cancel")}</a>
          <p class="status ${status?.state ?? ""}" role="status" aria-live="polite" data-testid="space-form-status">${status?.text() ?? ""}</p>
        </div>
      </form>
    `;
  }

  void load();

  return {
    title: () => (creating ? t("spaceForm.createTitle") : t("spaceForm.editPageTitle")),
    dispose: () => {
      provincePicker.dispose();
      comunePicker.dispose();
    },
    view: () => {
      if (failure === "notFound") return notFoundView(t("spaces.notFound"));
      if (failure === "error") return loadErrorView();
      if (failure === "noHost")
        return html`<section class="card narrow" data-testid="space-no-host"><h1>${t("spaceForm.createTitle")}</h1>
          <p>${t("spaceForm.noHost")}</p>
          <p><a href=${href({ name: "newBusiness" })}>${t("spaceForm.noHostLink")}</a> · <a href=${href({ name: "spaces" })}>${t("spaces.back")}</a></p></section>`;
      if (failure === "forbidden")
        return html`<section class="card narrow"><h1>${t("spaceForm.editPageTitle")}</h1><p>${t("spaces.problem.forbiddenAdmin")}</p>
          <p><a href=${href({ name: "space", id: spaceId ?? "" })}>${t("spaces.backToSpace")}</a></p></section>`;
      return form ? formView(form) : loadingView();
    },
  };
}
