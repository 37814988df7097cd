// #/tenders/new?buyer={id}, #/tenders/{id}/edit and #/tenders/{id}/amend — the tender form: a new draft for a
// buyer, a draft edited, or an amendment (Rettifica) published during the enquiry period.
import { html, nothing } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BusinessProfileDto, CapabilityDto, ComuneDto, CriterionKind, SoaCategoryDto, SpaceSummaryDto, TenderDto } from "../../api/types";
import { describeFieldError, fieldMessagesAt, otherFieldMessages } from "../../field-errors";
import { localized, t } from "../../i18n";
import { LightElement } from "../../light-element";
import type { Page } from "../../page";
import { href, navigate } from "../../router";
import { typeahead, type Typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView, notFoundView } from "../../views";
import { comuneLabel } from "../businesses/format";
import { localZone, readDateInput } from "./dates";
import { documentsField } from "./documents-field";
import { describedBy, errorId, invalid } from "./form-field-ids";
import { requirementsFieldset } from "./lot-requirements-form";
import { refusedAction } from "../../i18n/refusals";
import { allows, blockersOf } from "../../api/viewer-actions";
import { whyBlocked } from "./tender-actions";
import {
  buildAmendRequest,
  buildDraftRequest,
  buildEditRequest,
  criteriaSummary,
  emptyCriterion,
  emptyLot,
  emptyTenderForm,
  formFromTender,
  lotComune,
  quotedTenderRequest,
  setCriteriaMode,
  typedCpvCode,
  type Built,
  type LotForm,
  type TenderForm,
} from "./tender-form";

export type TenderFormMode = { kind: "new"; buyer: string | null } | { kind: "edit"; id: string } | { kind: "amend"; id: string };

type Failure = "noBuyer" | "notBuyer" | "notFound" | "notDraft" | "notAmendable" | "refused" | "error";

/**
 * Why the viewer may not change the tender in this form now, as the tender's actions say; null when they may. Blocked
 * for another reason than the tender's stage ("refused": an admin whose mandate the buyer revoked), the tender's words say why.
 */
const notChangeable = (kind: "edit" | "amend", fresh: TenderDto): Failure | null => {
  const action = kind === "edit" ? "Edit" : "Amend";
  if (allows(fresh.actions, action)) return null;
  return whyBlocked(blockersOf(fresh.actions, action)).length > 0 ? "refused" : kind === "edit" ? "notDraft" : "notAmendable";
};

const SHOWN = [
  "spaces", "title", "description", "lots", "eligibility", "criteria", "enquiryDeadline", "submissionDeadline",
  "contractStart", "contractEnd", "disclosesBidCount", "documents", "summary", "material",
] as const;

const kinds: readonly CriterionKind[] = ["Price", "Quality"];

type Status = { state: "error" | "conflict"; text: () => string } | null;

interface LotPickers {
  /** The lot's position when they were made: their testids name it. */
  index: number;
  cpv: Typeahead;
  comune: Typeahead;
}

/** Where a field's errors are said; the field's aria-describedby points at it. */
const errorView = (path: string, messages: string[]) => fieldErrorView(path, messages, errorId(path));

/** After a refused save: the first field in error gets the focus, or is scrolled to when it cannot take it. */
function showFirstError(): void {
  const first = document.querySelector<HTMLElement>("form.tender-form [aria-invalid='true'], form.tender-form .field-error");
  if (first instanceof HTMLInputElement || first instanceof HTMLTextAreaElement || first instanceof HTMLSelectElement) first.focus();
  else first?.scrollIntoView({ block: "center" });
}

/**
 * `<tender-form-page>`: the tender form for `mode`. It loads what the form needs, keeps the form, its errors and the
 * save's outcome as reactive state, and opens the tender once saved.
 */
export class TenderFormPage extends LightElement {
  static override properties = {
    mode: { attribute: false },
    form: { state: true },
    tender: { state: true },
    buyer: { state: true },
    spaces: { state: true },
    failure: { state: true },
    errors: { state: true },
    status: { state: true },
    saving: { state: true },
    categories: { state: true },
  };

  declare mode: TenderFormMode;
  private declare form: TenderForm | null;
  private declare tender: TenderDto | null;
  private declare buyer: BusinessProfileDto | null;
  private declare spaces: SpaceSummaryDto[];
  private declare failure: Failure | null;
  private declare errors: FieldErrors;
  private declare status: Status;
  private declare saving: boolean;
  /** The SOA categories a lot's requirements are chosen from. */
  private declare categories: SoaCategoryDto[];
  /** An amendment's summary and flag: typed into, read when sent; nothing else shows them. */
  private amendment = { summary: "", material: false };
  /** The request the errors are about, with documents by name (`documents[1]` quotes the file). */
  private sent: object | undefined;
  private readonly pickers = new Map<number, LotPickers>();

  constructor() {
    super();
    this.mode = { kind: "new", buyer: null };
    this.form = null;
    this.tender = null;
    this.buyer = null;
    this.spaces = [];
    this.failure = null;
    this.errors = {};
    this.status = null;
    this.saving = false;
    this.categories = [];
  }

  /** The pickers and the documents field keep their own state (text, options, uploads); they ask for a new render. */
  private readonly renderPart = () => this.requestUpdate();

  private readonly buyerId = (): string | null => (this.mode.kind === "new" ? this.mode.buyer : (this.tender?.buyer.id ?? null));

  private readonly documents = documentsField(
    {
      owner: this.buyerId,
      list: () => this.form?.documents ?? [],
      set: (list) => this.edit((f) => (f.documents = list)),
      inputTestid: "document-upload",
      itemTestid: "form-document",
      inputId: "tender-documents",
    },
    this.renderPart,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disposePickers();
  }

  /**
   * Changes the form and renders it again. Lots and criteria are edited in place (the pickers hold on to their lot),
   * so the form object itself is replaced by a copy, the change lit sees.
   */
  private edit(change: (form: TenderForm) => void): void {
    if (!this.form) return;
    change(this.form);
    this.form = { ...this.form };
  }

  private pickersFor(lot: LotForm, index: number): LotPickers {
    let found = this.pickers.get(lot.uid);
    if (found && found.index !== index) {
      // A lot above was removed: the testids follow the position, so the pickers are made again, keeping their text.
      const [cpvText, comuneText] = [found.cpv.text(), found.comune.text()];
      found.cpv.dispose();
      found.comune.dispose();
      this.pickers.delete(lot.uid);
      found = this.pickersFor(lot, index);
      found.cpv.setText(cpvText);
      found.comune.setText(comuneText);
      return found;
    }
    if (!found) {
      found = {
        index,
        cpv: typeahead<CapabilityDto>(
          {
            testid: `lot-cpv-${index}`,
            optionTestid: "lot-cpv-option",
            placeholder: () => t("tenderForm.lotCpvPlaceholder"),
            search: (q) => api.searchCpv(q),
            key: (entry) => entry.code,
            option: (entry) => html`<code>${entry.code}</code> ${localized(entry.labelIt, entry.labelEn)}`,
            pick: (entry) => {
              if (!lot.cpv.some((c) => c.code === entry.code)) this.edit(() => (lot.cpv = [...lot.cpv, entry]));
            },
          },
          this.renderPart,
        ),
        comune: typeahead<ComuneDto>(
          {
            testid: `lot-comune-${index}`,
            optionTestid: "lot-comune-option",
            placeholder: () => t("edit.comunePlaceholder"),
            search: (q) => api.searchComuni(q),
            key: (c) => c.code,
            option: (c) => html`${comuneLabel(c.name, c.provinceSigla)} <span class="muted">${c.regionName}</span>`,
            pick: (c) => this.edit(() => (lot.comune = lotComune(c))),
          },
          this.renderPart,
        ),
      };
      this.pickers.set(lot.uid, found);
    }
    return found;
  }

  private disposePickers(): void {
    for (const p of this.pickers.values()) {
      p.cpv.dispose();
      p.comune.dispose();
    }
    this.pickers.clear();
  }

  /** Lots are added or removed: the pickers of removed lots go, and the errors no longer point at the right lot. */
  private lotsChanged(change: (form: TenderForm) => void): void {
    this.edit(change);
    for (const [uid, p] of this.pickers) {
      if (!this.form?.lots.some((l) => l.uid === uid)) {
        p.cpv.dispose();
        p.comune.dispose();
        this.pickers.delete(uid);
      }
    }
    this.errors = {};
  }

  private reset(fresh: TenderDto): void {
    this.tender = fresh;
    const form = formFromTender(fresh);
    if (form.mode === "price" && form.price.name === "") form.price.name = t("tenderForm.priceName");
    this.form = form;
    this.disposePickers();
  }

  private async load(): Promise<void> {
    const mode = this.mode;
    // Only the requirements' choices need them: the form works (and says why a save is refused) without.
    void api.soaCategories().then((list) => (this.categories = list), () => undefined);
    try {
      if (mode.kind === "new") {
        if (!mode.buyer) {
          this.failure = "noBuyer";
          return;
        }
        const [b, list] = await Promise.all([api.business(mode.buyer), api.spaces()]);
        this.buyer = b;
        this.spaces = list;
        if (b.kind !== "Buyer") this.failure = "notBuyer";
        else this.form = emptyTenderForm(t("tenderForm.priceName"));
      } else {
        const [fresh, list] = await Promise.all([api.tender(mode.id), mode.kind === "edit" ? api.spaces() : Promise.resolve([])]);
        this.spaces = list;
        const failure = notChangeable(mode.kind, fresh);
        if (failure) this.failure = failure;
        else this.reset(fresh);
        this.tender = fresh;
      }
    } catch (error) {
      this.failure = error instanceof ApiError && error.status === 404 ? "notFound" : "error";
    }
  }

  private readonly typedCpv = (lot: LotForm): string | null => {
    const index = this.form?.lots.indexOf(lot) ?? -1;
    return index >= 0 ? typedCpvCode(this.pickersFor(lot, index).cpv.text()) : null;
  };

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.form || this.saving || this.documents.busy()) return;
    const f = this.form;
    const mode = this.mode;
    this.errors = {};
    this.status = null;
    let built: Built<{ documents: string[] | null }>;
    let send: () => Promise<TenderDto>;
    if (mode.kind === "new") {
      const draft = buildDraftRequest(mode.buyer ?? "", f, this.typedCpv);
      built = draft;
      send = () => api.draftTender(draft.body);
    } else if (mode.kind === "edit") {
      const edit = buildEditRequest(f, this.typedCpv);
      built = edit;
      send = () => api.editTender(mode.id, edit.body);
    } else {
      const amend = buildAmendRequest(f, this.amendment, this.typedCpv);
      built = amend;
      send = () => api.amendTender(mode.id, amend.body);
    }
    this.sent = quotedTenderRequest(built.body, f);
    if (Object.keys(built.errors).length > 0) {
      this.errors = built.errors;
      this.status = { state: "error", text: () => t("form.invalid") };
      void this.updateComplete.then(showFirstError);
      return;
    }
    this.saving = true;
    try {
      const saved = await send();
      navigate({ name: "tender", id: saved.id });
      return;
    } catch (error) {
      this.status = await this.explain(error);
    } finally {
      this.saving = false;
    }
    if (Object.keys(this.errors).length > 0) void this.updateComplete.then(showFirstError);
  }

  private async explain(error: unknown): Promise<Status> {
    if (error instanceof ApiError && error.status === 400) {
      this.errors = error.errors;
      return { state: "error", text: () => [t("form.invalid"), ...otherFieldMessages(this.errors, SHOWN)].join(" ") };
    }
    const problem = refusedAction(error);
    const mode = this.mode;
    if (error instanceof ApiError && error.status === 409 && mode.kind !== "new") {
      // Someone saved first, or the tender moved on: show it as it is now; the user re-applies their change.
      try {
        const fresh = await api.tender(mode.id);
        const failure = notChangeable(mode.kind, fresh);
        if (failure) this.failure = failure;
        else this.reset(fresh);
        this.tender = fresh;
      } catch {
        return { state: "error", text: () => t("error.load") };
      }
      return { state: "conflict", text: problem.text };
    }
    return { state: "error", text: problem.text };
  }

  protected override render() {
    return this.failure ? this.failureView(this.failure) : this.form ? this.formView(this.form) : loadingView();
  }

  // Translated on every render, so that switching language re-translates the errors shown.
  private readonly at = (path: string) => fieldMessagesAt(this.errors, path);
  /** The messages of a key itself, not of its parts (`criteria`, not `criteria[0].weight`). */
  private readonly only = (key: string) => (this.errors[key] ? describeFieldError(this.errors[key]) : []);
  private textInput(path: string, label: string, testid: string, value: string, set: (v: string) => void, options: { max?: number; type?: string } = {}) {
    const messages = this.at(path);
    const id = testid;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${options.type ?? "text"} data-testid=${testid} maxlength=${ifDefined(options.max)} .value=${live(value)}
        @input=${(e: InputEvent) => set((e.target as HTMLInputElement).value)}
        aria-invalid=${invalid(messages)} aria-describedby=${ifDefined(describedBy(path, messages))} />
      ${errorView(path, messages)}
    </div>`;
  }

  private textArea(path: string, label: string, testid: string, value: string, set: (v: string) => void, rows: number, hint?: string) {
    const messages = this.at(path);
    const hintId = hint ? `${testid}-hint` : undefined;
    return html`<div class="field">
      <label for=${testid}>${label}</label>
      <textarea id=${testid} data-testid=${testid} rows=${rows} .value=${live(value)}
        @input=${(e: InputEvent) => set((e.target as HTMLTextAreaElement).value)}
        aria-invalid=${invalid(messages)} aria-describedby=${ifDefined(describedBy(path, messages, hintId))}></textarea>
      ${hint ? html`<small class="hint" id=${hintId}>${hint}</small>` : nothing}
      ${errorView(path, messages)}
    </div>`;
  }

  private spacesView(f: TenderForm) {
    const messages = this.at("spaces");
    return html`<section class="card" aria-labelledby="tender-spaces-title">
      <h2 id="tender-spaces-title">${t("tenderForm.spaces")}</h2>
      <p class="muted small" id="tender-spaces-hint">${t("tenderForm.spacesHint")}</p>
      ${this.spaces.length === 0
        ? html`<p class="muted">${t("tenderForm.noSpaces")}</p>`
        : html`<fieldset class="checks" aria-describedby=${ifDefined(describedBy("spaces", messages, "tender-spaces-hint"))}>
            <legend class="visually-hidden">${t("tenderForm.spaces")}</legend>
            ${this.spaces.map(
              (s) => html`<label class="check">
                <input type="checkbox" data-testid="tender-space-${s.id}" value=${s.id} .checked=${live(f.spaces.includes(s.id))}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    this.edit(() => (f.spaces = on ? [...f.spaces.filter((x) => x !== s.id), s.id] : f.spaces.filter((x) => x !== s.id)));
                  }} />
                <span><strong>${s.name}</strong> <span class="muted small">${t("spaces.hostedBy", { host: s.hostName })}</span></span>
              </label>`,
            )}
          </fieldset>`}
      ${errorView("spaces", messages)}
    </section>`;
  }

  private lotView(f: TenderForm, lot: LotForm, i: number) {
    const p = this.pickersFor(lot, i);
    const path = `lots[${i}]`;
    const cpvMessages = this.at(`${path}.cpv`);
    const comuneMessages = this.at(`${path}.comuneCode`);
    const valueMessages = this.at(`${path}.estimatedValue`);
    const badCodes = new Set(
      Object.keys(this.errors)
        .map((key) => new RegExp(`^lots\\[${i}\\]\\.cpv\\[(\\d+)\\]$`).exec(key)?.[1])
        .filter((x) => x !== undefined)
        .map((index) => ((this.sent as { lots?: { cpv?: string[] }[] } | undefined)?.lots?.[i]?.cpv ?? [])[Number(index)]),
    );
    return html`<fieldset class="lot-form" data-testid="lot-form" data-lot-index=${i}>
      <legend>${t("tenderForm.lot", { n: i + 1 })}</legend>
      ${f.lots.length > 1
        ? html`<button type="button" class="link remove-row" data-testid="remove-lot-${i}"
            @click=${() => this.lotsChanged(() => (f.lots = f.lots.filter((l) => l !== lot)))}>${t("tenderForm.removeLot", { n: i + 1 })}</button>`
        : nothing}
      ${errorView(`${path}.number`, this.only(`${path}.number`))}
      ${this.textInput(`${path}.title`, t("tenderForm.lotTitle"), `lot-title-${i}`, lot.title, (v) => (lot.title = v), { max: 200 })}
      ${this.textArea(`${path}.description`, t("tenderForm.lotDescription"), `lot-description-${i}`, lot.description, (v) => (lot.description = v), 2)}
      <div class="field">
        <label for="lot-cpv-input-${i}">${t("tenderForm.lotCpv")}</label>
        <ul class="chips" data-testid="lot-cpv-chips-${i}" ?hidden=${lot.cpv.length === 0}>
          ${lot.cpv.map(
            (c) => html`<li class="chip ${badCodes.has(c.code) ? "invalid" : ""}" data-code=${c.code}>
              <code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}
              <button type="button" class="remove" aria-label=${t("edit.remove", { item: c.code })}
                @click=${() => this.edit(() => (lot.cpv = lot.cpv.filter((x) => x.code !== c.code)))}>×</button>
            </li>`,
          )}
        </ul>
        ${p.cpv.view(`lot-cpv-input-${i}`, describedBy(`${path}.cpv`, cpvMessages, `lot-cpv-hint-${i}`), cpvMessages.length > 0)}
        <small class="hint" id="lot-cpv-hint-${i}">${t("tenderForm.lotCpvHint")}</small>
        ${errorView(`${path}.cpv`, cpvMessages)}
      </div>
      <div class="row">
        <div class="field">
          <label for="lot-value-${i}">${t("tenderForm.lotValue")}</label>
          <span class="with-unit">
            <input id="lot-value-${i}" data-testid="lot-value-${i}" inputmode="decimal" .value=${live(lot.value)}
              @input=${(e: InputEvent) => (lot.value = (e.target as HTMLInputElement).value)}
              aria-invalid=${invalid(valueMessages)} aria-describedby=${ifDefined(describedBy(`${path}.estimatedValue`, valueMessages))} />
            <span class="unit">${lot.currency}</span>
          </span>
          ${errorView(`${path}.estimatedValue`, valueMessages)}
        </div>
        <div class="field">
          <label for="lot-comune-input-${i}">${t("tenderForm.lotComune")}</label>
          ${lot.comune
            ? html`<p class="chips"><span class="chip" data-testid="lot-comune-chip-${i}" data-code=${lot.comune.code}>${lot.comune.label}
                <button type="button" class="remove" aria-label=${t("edit.remove", { item: lot.comune.label })}
                  @click=${() => this.edit(() => (lot.comune = null))}>×</button></span></p>`
            : nothing}
          ${p.comune.view(`lot-comune-input-${i}`, describedBy(`${path}.comuneCode`, comuneMessages), comuneMessages.length > 0)}
          ${errorView(`${path}.comuneCode`, comuneMessages)}
        </div>
      </div>
      ${requirementsFieldset(lot, i, { categories: this.categories, at: this.at, edit: (change) => this.edit(change) })}
    </fieldset>`;
  }

  private criteriaView(f: TenderForm) {
    const summary = criteriaSummary(f.criteria);
    const own = this.only("criteria");
    return html`<section class="card" aria-labelledby="tender-criteria-title">
      <h2 id="tender-criteria-title">${t("tenderForm.criteria")}</h2>
      <fieldset class="choices two">
        <legend class="visually-hidden">${t("tenderForm.criteria")}</legend>
        ${(["price", "weighted"] as const).map(
          (m) => html`<label class="choice">
            <input type="radio" name="criteria-mode" value=${m} data-testid="criteria-mode-${m}" .checked=${live(f.mode === m)}
              @change=${() => this.edit(() => setCriteriaMode(f, m))} />
            <span><strong>${t(m === "price" ? "tenderForm.priceOnly" : "tenderForm.weighted")}</strong>
              <small class="hint">${t(m === "price" ? "tenderForm.priceOnlyHint" : "tenderForm.weightedHint")}</small></span>
          </label>`,
        )}
      </fieldset>
      ${f.mode === "weighted"
        ? html`<div class="criteria-rows">
            ${f.criteria.map((c, i) => {
              const path = `criteria[${i}]`;
              const nameMessages = this.at(`${path}.name`);
              const weightMessages = this.at(`${path}.weight`);
              return html`<div class="criterion-row" data-testid="criterion-row" data-criterion-index=${i}>
                <div class="field grow">
                  <label for="criterion-name-${i}">${t("tenderForm.criterionName")}</label>
                  <input id="criterion-name-${i}" data-testid="criterion-name-${i}" maxlength="200" .value=${live(c.name)}
                    placeholder=${c.kind === "Quality" ? t("tenderForm.qualityPlaceholder") : ""}
                    @input=${(e: InputEvent) => (c.name = (e.target as HTMLInputElement).value)}
                    aria-invalid=${invalid(nameMessages)} aria-describedby=${ifDefined(describedBy(`${path}.name`, nameMessages))} />
                  ${errorView(`${path}.name`, nameMessages)}
                </div>
                <div class="field kind">
                  <label for="criterion-kind-${i}">${t("tenderForm.criterionKind")}</label>
                  <select id="criterion-kind-${i}" data-testid="criterion-kind-${i}"
                    @change=${(e: Event) => this.edit(() => (c.kind = (e.target as HTMLSelectElement).value as CriterionKind))}>
                    ${kinds.map((k) => html`<option value=${k} ?selected=${c.kind === k}>${t(`criterionKind.${k}`)}</option>`)}
                  </select>
                  ${errorView(`${path}.kind`, this.at(`${path}.kind`))}
                </div>
                <div class="field weight">
                  <label for="criterion-weight-${i}">${t("tenderForm.criterionWeight")}</label>
                  <input id="criterion-weight-${i}" data-testid="criterion-weight-${i}" type="number" min="1" max="100" step="1"
                    inputmode="numeric" .value=${live(c.weight)}
                    @input=${(e: InputEvent) => this.edit(() => (c.weight = (e.target as HTMLInputElement).value))}
                    aria-invalid=${invalid(weightMessages)} aria-describedby=${ifDefined(describedBy(`${path}.weight`, weightMessages))} />
                  ${errorView(`${path}.weight`, weightMessages)}
                </div>
                ${f.criteria.length > 1
                  ? html`<button type="button" class="remove-criterion" data-testid="remove-criterion-${i}"
                      aria-label=${t("tenderForm.removeCriterion", { n: i + 1 })}
                      @click=${() => { this.edit(() => (f.criteria = f.criteria.filter((x) => x !== c))); this.errors = {}; }}>×</button>`
                  : nothing}
                ${errorView(`${path}.number`, this.only(`${path}.number`))}
              </div>`;
            })}
            <div class="criteria-foot">
              <button type="button" data-testid="add-criterion"
                @click=${() => this.edit(() => (f.criteria = [...f.criteria, emptyCriterion()]))}>${t("tenderForm.addCriterion")}</button>
              <p class="criteria-sum ${summary.hint ? "pending" : "ok"}" data-testid="criteria-sum" data-sum=${summary.sum} aria-live="polite">
                <strong>${t("tenderForm.criteriaSum", { sum: summary.sum })}</strong>
                ${summary.hint?.key === "sum"
                  ? html`<span>${t("tenderForm.hint.sum", { missing: summary.hint.missing })}</span>`
                  : summary.hint?.key === "over"
                    ? html`<span>${t("tenderForm.hint.over", { extra: summary.hint.extra })}</span>`
                    : summary.hint?.key === "price"
                      ? html`<span>${t("tenderForm.hint.price")}</span>`
                      : html`<span aria-hidden="true">✓</span>`}
              </p>
            </div>
          </div>`
        : nothing}
      ${errorView("criteria", own)}
    </section>`;
  }

  private deadlinesView(f: TenderForm) {
    const zone = t("tenderForm.deadlineHint", { zone: localZone() });
    // The native input keeps the phone's and keyboard's date pickers; the reading under it says the date in the app's
    // language, since the input itself shows the browser's (mm/dd/yyyy in an English browser).
    const input = (path: "enquiryDeadline" | "submissionDeadline" | "contractStart" | "contractEnd", testid: string, label: string, type: "datetime-local" | "date") => {
      const messages = this.at(path);
      const reading = readDateInput(f[path], type);
      const hints = [`${testid}-reading`, ...(type === "datetime-local" ? ["tender-deadline-hint"] : [])].join(" ");
      return html`<div class="field">
        <label for=${testid}>${label}</label>
        <input id=${testid} data-testid=${testid} type=${type} .value=${live(f[path])}
          @input=${(e: InputEvent) => this.edit(() => (f[path] = (e.target as HTMLInputElement).value))}
          @change=${(e: Event) => this.edit(() => (f[path] = (e.target as HTMLInputElement).value))}
          aria-invalid=${invalid(messages)}
          aria-describedby=${ifDefined(describedBy(path, messages, hints))} />
        <output class="date-reading small" id="${testid}-reading" for=${testid} data-testid="${testid}-reading"
          data-empty=${reading === null ? "true" : "false"}>${reading ?? t("tenderForm.noDate")}</output>
        ${errorView(path, messages)}
      </div>`;
    };
    return html`<section class="card" aria-labelledby="tender-deadlines-form-title">
      <h2 id="tender-deadlines-form-title">${t("tenderForm.deadlines")}</h2>
      <div class="row">
        ${input("enquiryDeadline", "enquiry-deadline", t("tender.enquiryDeadline"), "datetime-local")}
        ${input("submissionDeadline", "submission-deadline", t("tender.submissionDeadline"), "datetime-local")}
      </div>
      <p class="hint deadline-hint" id="tender-deadline-hint">${zone}</p>
      <div class="row">
        ${input("contractStart", "contract-start", t("tenderForm.contractStart"), "date")}
        ${input("contractEnd", "contract-end", t("tenderForm.contractEnd"), "date")}
      </div>
      <label class="check">
        <input type="checkbox" data-testid="discloses-bid-count" .checked=${live(f.disclosesBidCount)}
          @change=${(e: Event) => this.edit(() => (f.disclosesBidCount = (e.target as HTMLInputElement).checked))} />
        <span>${t("tenderForm.disclosesBidCount")}<small class="hint">${t("tenderForm.disclosesBidCountHint")}</small></span>
      </label>
    </section>`;
  }

  private amendmentView() {
    const messages = this.at("summary");
    return html`<section class="card amendment-form" aria-labelledby="tender-amendment-title">
      <h2 id="tender-amendment-title">${t("tender.amendments")}</h2>
      <div class="field">
        <label for="amend-summary">${t("tenderForm.summary")}</label>
        <textarea id="amend-summary" data-testid="amend-summary" rows="3" maxlength="4000" .value=${live(this.amendment.summary)}
          @input=${(e: InputEvent) => (this.amendment.summary = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${invalid(messages)} aria-describedby=${ifDefined(describedBy("summary", messages, "amend-summary-hint"))}></textarea>
        <small class="hint" id="amend-summary-hint">${t("tenderForm.summaryHint")}</small>
        ${errorView("summary", messages)}
      </div>
      <label class="check">
        <input type="checkbox" data-testid="amend-material" .checked=${live(this.amendment.material)}
          @change=${(e: Event) => { this.amendment.material = (e.target as HTMLInputElement).checked; }} />
        <span>${t("tenderForm.material")}<small class="hint">${t("tenderForm.materialHint")}</small></span>
      </label>
    </section>`;
  }

  private formView(f: TenderForm) {
    const amending = this.mode.kind === "amend";
    const back = this.mode.kind === "new" ? href({ name: "business", id: this.mode.buyer ?? "" }) : href({ name: "tender", id: this.mode.id });
    const buyerName = this.buyer?.name ?? this.tender?.buyer.name ?? "";
    return html`<form class="tender-form" @submit=${this.save} novalidate data-testid="tender-form" data-mode=${this.mode.kind}>
      <div class="page-head">
        <h1>${this.mode.kind === "new"
          ? t("tenderForm.newTitle")
          : t(amending ? "tenderForm.amendTitle" : "tenderForm.editTitle", { title: this.tender?.title ?? "" })}</h1>
        <p class="muted">${t(this.mode.kind === "new" ? "tenderForm.newIntro" : amending ? "tenderForm.amendIntro" : "tenderForm.editIntro")}</p>
        <p class="buyer-line">${t("tenderForm.buyer")}: <strong data-testid="tender-form-buyer">${buyerName}</strong></p>
      </div>

      ${amending ? this.amendmentView() : nothing}

      <section class="card" aria-labelledby="tender-general-title">
        <h2 id="tender-general-title">${t("tenderForm.general")}</h2>
        ${this.textInput("title", t("tenderForm.title"), "tender-title", f.title, (v) => (f.title = v), { max: 200 })}
        ${this.textArea("description", t("tenderForm.description"), "tender-description", f.description, (v) => (f.description = v), 6)}
      </section>

      ${amending ? nothing : this.spacesView(f)}

      <section class="card" aria-labelledby="tender-lots-form-title">
        <h2 id="tender-lots-form-title">${t("tenderForm.lots")} <span class="count">${f.lots.length}</span></h2>
        ${f.lots.map((lot, i) => this.lotView(f, lot, i))}
        ${errorView("lots", this.only("lots"))}
        <button type="button" data-testid="add-lot" @click=${() => this.lotsChanged(() => (f.lots = [...f.lots, emptyLot()]))}>
          ${t("tenderForm.addLot")}</button>
      </section>

      <section class="card" aria-labelledby="tender-eligibility-title">
        <h2 id="tender-eligibility-title">${t("tenderForm.eligibility")}</h2>
        ${this.textArea("eligibility", t("tenderForm.eligibilityLabel"), "tender-eligibility", f.eligibility, (v) => (f.eligibility = v), 4,
          t("tenderForm.eligibilityHint"))}
      </section>

      ${this.criteriaView(f)}
      ${this.deadlinesView(f)}

      <section class="card" aria-labelledby="tender-documents-form-title">
        <h2 id="tender-documents-form-title">${t("tenderForm.documents")}</h2>
        ${this.documents.view(t("tenderForm.upload"), t("tenderForm.documentsHint"), this.at("documents"))}
      </section>

      <div class="actions form-actions">
        ${amending
          ? html`<button class="primary" type="submit" ?disabled=${this.saving || this.documents.busy()} data-testid="amend-submit">
              ${t(this.saving ? "tenderForm.saving" : "tenderForm.publishAmendment")}</button>`
          : html`<button class="primary" type="submit" ?disabled=${this.saving || this.documents.busy()} data-testid="save-draft">
              ${t(this.saving ? "tenderForm.saving" : "tenderForm.saveDraft")}</button>`}
        <a href=${back}>${t("tenderForm.cancel")}</a>
        <p class="status ${this.status?.state ?? ""}" role="status" aria-live="polite" data-testid="tender-form-status"
          data-state=${this.status?.state ?? ""}>${this.status?.text() ?? ""}</p>
      </div>
    </form>`;
  }

  private failureView(kind: Failure) {
    const back = this.mode.kind === "new" ? null : href({ name: "tender", id: this.mode.id });
    const title = this.mode.kind === "new" ? t("tenderForm.newTitle") : t("tender.title");
    const text: Record<Exclude<Failure, "notFound" | "error">, () => string> = {
      noBuyer: () => t("tenderForm.noBuyer"),
      notBuyer: () => t("tenderForm.notBuyer", { name: this.buyer?.name ?? "" }),
      notDraft: () => t("tenderForm.notDraft"),
      notAmendable: () => t("tenderForm.notAmendable"),
      refused: () => (this.tender ? whyBlocked(blockersOf(this.tender.actions, this.mode.kind === "amend" ? "Amend" : "Edit")).join(" ") : ""),
    };
    if (kind === "notFound") return notFoundView(t(this.mode.kind === "new" ? "business.notFound" : "tender.notFound"));
    if (kind === "error") return loadErrorView();
    return html`<section class="card narrow" data-testid="tender-form-unavailable" data-reason=${kind}>
      <h1>${title}</h1><p>${text[kind]()}</p>
      ${back ? html`<p><a href=${back}>${t("tenderForm.backToTender")}</a></p>` : nothing}
    </section>`;
  }
}

customElements.define("tender-form-page", TenderFormPage);

declare global {
  interface HTMLElementTagNameMap {
    "tender-form-page": TenderFormPage;
  }
}

/** The route's page: the form's element, made once for this visit (the title follows the mode and the language). */
export function tenderFormPage(mode: TenderFormMode): Page {
  const element = document.createElement("tender-form-page");
  element.mode = mode;
  return {
    title: () => (mode.kind === "new" ? t("tenderForm.newTitle") : mode.kind === "amend" ? t("tenderForm.amendPageTitle") : t("tenderForm.editPageTitle")),
    view: () => html`${element}`,
  };
}
