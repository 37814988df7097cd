// A space's notice board (bacheca), a tab of the space's page for its member firms' people and its admins: the open
// posts (filtered by kind, CPV division and the viewer's firms' capabilities), the form to publish or edit one, and a
// post's details opened in place: its interests (all of them to the poster, its own to an interested firm), expressing
// interest, accepting one (which forms the alliance), closing it, and the admins' moderation. The server says what the
// viewer may do (the post's actions); the page offers exactly that. Reloaded when the hub says a post changed.
import { html, nothing, type PropertyValues } from "lit";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { BoardDto, CapabilityDto, ComuneDto, PostDto, PostKind, PostSummaryDto, TenderSummaryDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { confirmDialog } from "../../confirm-dialog";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { currentLanguage, formatDate, formatDateTime, localized, t } from "../../i18n";
import { describeRefusal, refusalText } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import { LightElement } from "../../light-element";
import { onBoardChanged } from "../../realtime/hub";
import { href } from "../../router";
import { typeahead } from "../../typeahead";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import { sameId } from "../../ids";
import { formatMoney } from "../showcase/showcase";
import "../reports/my-reports";
import "../reports/report-form";
import { readDateInput } from "../tenders/dates";
import { buildPostDetails, editRequest, emptyPostForm, formFromPost, publishRequest, type PostForm } from "./board-data";

type Status = { ok: boolean; text: () => string } | null;
type State = "loading" | "forbidden" | "error" | "ok";

const FORM_FIELDS = ["kind", "title", "text", "cpv", "comuneCode", "value", "expiresOn", "tenderId", "firmId"] as const;

/** A refusal as a status line: field errors the form shows by their fields, anything else in its own words. */
function failure(error: unknown, errors: FieldErrors, shown: readonly string[]): Status {
  if (error instanceof ApiError && error.status === 400) {
    const other = otherFieldMessages(errors, shown);
    return { ok: false, text: () => (other.length ? other.join(" ") : t("form.invalid")) };
  }
  return { ok: false, text: () => describeRefusal(error) };
}

export class SpaceBoard extends LightElement {
  static override properties = {
    spaceId: { attribute: false },
    openPost: { attribute: false },
    board: { state: true },
    state: { state: true },
    kind: { state: true },
    division: { state: true },
    matching: { state: true },
    form: { state: true },
    editing: { state: true },
    firmId: { state: true },
    errors: { state: true },
    status: { state: true },
    busy: { state: true },
    openId: { state: true },
    post: { state: true },
    postStatus: { state: true },
    leftStatus: { state: true },
    message: { state: true },
    interestFirm: { state: true },
    reason: { state: true },
    tenders: { state: true },
  };

  declare spaceId: string;
  /** The post the page's address names (`#/spaces/{id}/board?post={postId}`, an e-mail's link): opened, and scrolled to once read. */
  declare openPost: string | undefined;
  private declare board: BoardDto | null;
  private declare state: State;
  private declare kind: PostKind | "";
  private declare division: string;
  private declare matching: boolean;
  private declare form: PostForm;
  /** The post being edited (its form filled in), or null for a new one. */
  private declare editing: PostDto | null;
  private declare firmId: string;
  private declare errors: FieldErrors;
  private declare status: Status;
  private declare busy: boolean;
  /** The post whose details are open, and its details once read. */
  private declare openId: string | null;
  private declare post: PostDto | null;
  private declare postStatus: Status;
  /** What became of a post the viewer's action took off the board (hidden, closed): its details are gone with it. */
  private declare leftStatus: Status;
  private declare message: string;
  private declare interestFirm: string;
  private declare reason: string;
  /** The space's tenders that take bids, which a post may name. */
  private declare tenders: TenderSummaryDto[];

  #stop: (() => void) | null = null;
  /** The address's post is to be scrolled to once its details show. */
  #scrollToOpen = false;
  readonly #confirm = confirmDialog(() => this.requestUpdate());
  readonly #renderPicker = () => this.requestUpdate();

  constructor() {
    super();
    this.spaceId = "";
    this.board = null;
    this.state = "loading";
    this.kind = "";
    this.division = "";
    this.matching = false;
    this.form = emptyPostForm();
    this.editing = null;
    this.firmId = "";
    this.errors = {};
    this.status = null;
    this.busy = false;
    this.openId = null;
    this.post = null;
    this.postStatus = null;
    this.leftStatus = null;
    this.message = "";
    this.interestFirm = "";
    this.reason = "";
    this.tenders = [];
  }

  readonly #cpv = typeahead<CapabilityDto>(
    {
      testid: "board-cpv-search",
      optionTestid: "board-cpv-option",
      placeholder: () => t("edit.cpvPlaceholder"),
      search: (q) => api.searchCpv(q),
      key: (entry) => entry.code,
      option: (entry) => html`<code>${entry.code}</code> ${localized(entry.labelIt, entry.labelEn)}`,
      pick: (entry) => {
        if (!this.form.cpv.some((c) => c.code === entry.code)) this.form = { ...this.form, cpv: [...this.form.cpv, entry] };
      },
    },
    this.#renderPicker,
  );

  readonly #comune = typeahead<ComuneDto>(
    {
      testid: "board-comune-search",
      optionTestid: "board-comune-option",
      placeholder: () => t("edit.comunePlaceholder"),
      search: (q) => api.searchComuni(q, 10),
      key: (c) => c.code,
      option: (c) => html`${c.name} <span class="muted">(${c.provinceSigla})</span>`,
      pick: (c) => (this.form = { ...this.form, comune: c }),
      keepText: (c) => `${c.name} (${c.provinceSigla})`,
    },
    this.#renderPicker,
  );

  readonly #load = latestOnly(
    () =>
      api.board(this.spaceId, {
        ...(this.kind ? { kind: this.kind } : {}),
        ...(/^\d{2}$/.test(this.division) ? { division: this.division } : {}),
        ...(this.matching ? { matching: true } : {}),
      }),
    (board: BoardDto) => {
      this.board = board;
      this.state = "ok";
      if (!board.posters.some((p) => sameId(p.id, this.firmId))) this.firmId = board.posters[0]?.id ?? "";
    },
    (error) => {
      if (error instanceof ApiError && error.status === 403) this.state = "forbidden";
      else if (this.state !== "ok") this.state = "error"; // A failed refresh keeps the board shown.
    },
  );

  readonly #loadPost = latestOnly(
    (id: string) => api.post(id),
    (post: PostDto) => {
      if (!this.openId || !sameId(post.post.id, this.openId)) return;
      this.post = post;
      const firms = post.firms.filter((f) => allows(f.actions, "ExpressInterest"));
      if (!firms.some((f) => sameId(f.firmId, this.interestFirm))) this.interestFirm = firms[0]?.firmId ?? "";
    },
    (error) => {
      // Hidden by the admins or no longer visible: it is gone for this viewer.
      if (error instanceof ApiError && error.status === 404) {
        this.openId = null;
        this.post = null;
      }
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stop = onBoardChanged((change) => {
      if (!sameId(change.spaceId, this.spaceId)) return;
      this.#load();
      if (this.openId && sameId(change.postId, this.openId)) this.#loadPost(this.openId);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
    this.#load.cancel();
    this.#loadPost.cancel();
    this.#cpv.dispose();
    this.#comune.dispose();
    this.#confirm.dismiss();
  }

  protected override updated(): void {
    if (!this.#scrollToOpen || !this.post || !this.openId) return;
    const openId = this.openId;
    const shown = [...this.querySelectorAll<HTMLElement>("[data-testid=board-post]")].find((li) => sameId(li.dataset.postId ?? "", openId));
    if (!shown) return; // Not listed yet: the board's list arrives after the post's details.
    this.#scrollToOpen = false;
    shown.scrollIntoView({ block: "start" });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("openPost") && this.openPost && !(this.openId && sameId(this.openId, this.openPost))) {
      this.#scrollToOpen = true;
      this.#open(this.openPost);
    }
    if (changed.has("spaceId") && this.spaceId) {
      this.#load();
      api.spaceTenders(this.spaceId).then(
        (list) => (this.tenders = list.filter((x) => x.status === "Enquiries" || x.status === "Tendering")),
        () => undefined, // Without the list a post names no tender; the board still works.
      );
    }
  }

  #filter(change: () => void): void {
    change();
    this.#load();
  }

  #open(id: string): void {
    if (this.openId && sameId(this.openId, id)) {
      this.openId = null;
      this.post = null;
      return;
    }
    this.openId = id;
    this.post = null;
    this.postStatus = null;
    this.leftStatus = null;
    this.message = "";
    this.reason = "";
    this.#loadPost(id);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.errors = {};
    this.status = null;
    const built = buildPostDetails(this.form);
    if ("errors" in built) {
      this.errors = built.errors;
      return;
    }
    this.busy = true;
    try {
      const editing = this.editing;
      const saved = editing
        ? await api.editPost(editing.post.id, editRequest(editing.version, built.body))
        : await api.publishPost(this.spaceId, publishRequest(this.firmId, built.body));
      this.status = {
        ok: true,
        text: () => t(editing ? "board.saved" : saved.post.status === "AwaitingApproval" ? "board.publishedForApproval" : "board.published"),
      };
      this.form = emptyPostForm(this.form.kind);
      this.editing = null;
      this.#cpv.setText("");
      this.#comune.setText("");
      this.#load();
      if (this.openId && sameId(this.openId, saved.post.id)) this.post = saved;
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) this.errors = error.errors;
      this.status = failure(error, this.errors, FORM_FIELDS);
    } finally {
      this.busy = false;
    }
  }

  /**
   * Runs a command on the open post; its answer is the post as the viewer now sees it. A command that takes the post
   * off the board (`leaves`) closes its details and says what was done above the list, where the post was.
   */
  async #act(command: () => Promise<PostDto>, done: () => string, leaves = false): Promise<void> {
    this.busy = true;
    this.postStatus = null;
    this.leftStatus = null;
    try {
      const post = await command();
      if (leaves) {
        this.openId = null;
        this.post = null;
        this.leftStatus = { ok: true, text: done };
      } else {
        this.post = post;
        this.postStatus = { ok: true, text: done };
      }
      this.message = "";
      this.reason = "";
      this.#load();
    } catch (error) {
      this.postStatus = { ok: false, text: () => describeRefusal(error) };
    } finally {
      this.busy = false;
    }
  }

  async #close(post: PostDto): Promise<void> {
    const yes = await this.#confirm.ask(() => ({ title: t("board.close"), body: t("board.closeConfirm"), confirm: t("board.close") }));
    if (yes) await this.#act(() => api.closePost(post.post.id), () => t("board.closedDone"), true);
  }

  #edit(post: PostDto): void {
    this.editing = post;
    this.form = formFromPost(post);
    this.#comune.setText(post.post.comune ? `${post.post.comune.name} (${post.post.comune.provinceSigla})` : "");
    this.errors = {};
    this.status = null;
    this.updateComplete.then(() => this.querySelector<HTMLElement>("[data-testid=board-form] details")?.scrollIntoView({ block: "start" }));
  }

  protected override render() {
    if (this.state === "loading") return loadingView();
    if (this.state === "forbidden") return html`<p class="muted" data-testid="board-forbidden">${t("board.forbidden")}</p>`;
    if (this.state === "error" || !this.board) return loadErrorView();
    const b = this.board;
    const filtered = this.kind !== "" || this.division !== "" || this.matching;
    return html`<section class="card board" aria-labelledby="board-title" data-testid="board">
        <div class="section-head">
          <h2 id="board-title">${t("board.title")}</h2>
        </div>
        <p class="muted">${t("board.intro")}</p>
        ${this.#filtersView()}
        ${this.leftStatus ? html`<p class="status ok" role="status" data-testid="board-left-status">${this.leftStatus.text()}</p>` : nothing}
        ${b.posts.length === 0
          ? html`<p class="muted" data-testid="board-empty">${t(filtered ? "board.emptyFiltered" : "board.empty")}</p>`
          : html`<ul class="board-posts" data-testid="board-posts">${b.posts.map((p) => this.#postView(p))}</ul>`}
      </section>
      ${b.posters.length > 0 ? this.#formView(b) : nothing}
      <my-reports .spaceId=${this.spaceId}></my-reports>
      ${this.#confirm.view()}`;
  }

  #filtersView() {
    return html`<form class="board-filters" role="search" aria-label=${t("board.filters")} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="board-kind">${t("board.filterKind")}</label>
        <select id="board-kind" data-testid="board-filter-kind"
          @change=${(e: Event) => this.#filter(() => (this.kind = (e.target as HTMLSelectElement).value as PostKind | ""))}>
          <option value="" ?selected=${this.kind === ""}>${t("board.filterAll")}</option>
          ${(["Offer", "Request"] as const).map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t(`board.kind.${k}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="board-division">${t("board.filterDivision")}</label>
        <input id="board-division" data-testid="board-filter-division" inputmode="numeric" maxlength="2" size="4"
          placeholder=${t("board.filterDivisionHint")} .value=${live(this.division)}
          @input=${(e: InputEvent) => {
            const value = (e.target as HTMLInputElement).value.trim();
            this.division = value;
            if (value === "" || /^\d{2}$/.test(value)) this.#load();
          }} />
      </div>
      <label class="check">
        <input type="checkbox" data-testid="board-filter-matching" .checked=${live(this.matching)}
          @change=${(e: Event) => this.#filter(() => (this.matching = (e.target as HTMLInputElement).checked))} />
        ${t("board.filterMatching")}
      </label>
    </form>`;
  }

  #postView(p: PostSummaryDto) {
    const open = this.openId !== null && sameId(this.openId, p.id);
    return html`<li class="board-post ${open ? "open" : ""}" data-testid="board-post" data-post-id=${p.id} data-kind=${p.kind}>
      <div class="board-post-head">
        <span class="badge kind-${p.kind.toLowerCase()}">${t(`board.kind.${p.kind}`)}</span>
        ${p.status !== "Open" ? html`<span class="badge warn" data-testid="board-post-status">${t(`board.status.${p.status}`)}</span>` : nothing}
        ${p.mine ? html`<span class="badge">${t("board.mine")}</span>` : nothing}
        ${p.myInterest ? html`<span class="badge ok" data-testid="board-my-interest">${t(`board.myInterest.${p.myInterest}`)}</span>` : nothing}
      </div>
      <h3 class="board-post-title">
        <button type="button" class="link" aria-expanded=${open ? "true" : "false"} data-testid="board-post-open" @click=${() => this.#open(p.id)}>${p.title}</button>
      </h3>
      <p class="muted small">${t("board.postedBy", { firm: p.posterName, when: formatDate(p.postedAt) })}
        · ${p.comune ? `${p.comune.name} (${p.comune.provinceSigla})` : nothing}
        · ${t("board.until", { day: formatDate(p.expiresOn) })}
        ${p.value ? html` · ${t("board.value", { value: formatMoney(p.value, currentLanguage()) })}` : nothing}
        ${p.interests !== null ? html` · <span data-testid="board-interest-count">${t("board.interestCount", { count: p.interests })}</span>` : nothing}</p>
      <ul class="chips">${p.cpv.map((c) => html`<li class="chip"><code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}</li>`)}</ul>
      ${open ? this.#detailView() : nothing}
    </li>`;
  }

  #detailView() {
    const d = this.post;
    if (!d) return loadingView();
    const p = d.post;
    const interestFirms = d.firms.filter((f) => allows(f.actions, "ExpressInterest"));
    // An interest already expressed is listed above with its state: its blocker would only say it again.
    const blocked = d.firms.flatMap((f) => f.actions.blocked).filter((b) => b.code !== "board.alreadyInterested");
    return html`<div class="board-detail" data-testid="board-detail">
      <p class="board-text" data-testid="board-post-text">${p.text}</p>
      ${p.tenderId
        ? html`<p>${t("board.tender")}: <a href=${href({ name: "tender", id: p.tenderId.toLowerCase() })}>${p.tenderTitle ?? p.tenderId}</a></p>`
        : nothing}
      ${d.moderation && d.moderation.byAdmin && d.moderation.reason
        ? html`<p class="alert warn" data-testid="board-moderation">${t(`board.moderatedBy.${d.moderation.status === "Hidden" ? "Hidden" : "Closed"}`, { reason: d.moderation.reason })}</p>`
        : d.moderation && !d.moderation.byAdmin && p.status === "Closed"
          ? html`<p class="muted" data-testid="board-moderation">${t("board.closedByPoster", { when: formatDateTime(d.moderation.at) })}</p>`
          : nothing}
      ${d.allianceId
        ? html`<p class="alert ok board-alliance">${t("board.allianceNote")}
            <a class="button" data-testid="board-alliance-link" href=${href({ name: "alliance", id: d.allianceId.toLowerCase() })}>${t("board.alliance")}</a></p>`
        : nothing}
      ${p.mine || d.interestsSeen.length > 0 ? this.#interestsView(d) : nothing}
      ${interestFirms.length > 0 ? this.#interestFormView(d, interestFirms) : nothing}
      ${blocked.length > 0 && interestFirms.length === 0
        ? html`<p class="muted" data-testid="board-interest-blocked">${refusalText(blocked[0]!.code, blocked[0]!.args) ?? ""}</p>`
        : nothing}
      ${allows(d.actions, "Edit") || allows(d.actions, "Close")
        ? html`<p class="actions">
            ${allows(d.actions, "Edit") ? html`<button type="button" data-testid="board-edit" @click=${() => this.#edit(d)}>${t("board.edit")}</button>` : nothing}
            ${allows(d.actions, "Close")
              ? html`<button type="button" data-testid="board-close" ?disabled=${this.busy} @click=${() => this.#close(d)}>${t("board.close")}</button>`
              : nothing}
          </p>`
        : nothing}
      ${d.moderatorActions.allowed.length > 0 ? this.#moderationView(d) : nothing}
      ${p.mine
        ? nothing
        : html`<report-form .subject=${"Post"} .subjectId=${p.id} .spaceId=${p.spaceId}
            .firms=${d.firms.filter((f) => !sameId(f.firmId, p.posterId)).map((f) => ({ id: f.firmId, name: f.firmName }))}></report-form>`}
      <p class="status ${this.postStatus?.ok ? "ok" : "error"}" role="status" data-testid="board-post-status-line">${this.postStatus?.text() ?? ""}</p>
    </div>`;
  }

  #interestsView(d: PostDto) {
    return html`<h4>${t("board.interests")}</h4>
      ${d.interestsSeen.length === 0
        ? html`<p class="muted" data-testid="board-no-interests">${t("board.noInterests")}</p>`
        : html`<ul class="board-interests" data-testid="board-interests">
            ${d.interestsSeen.map(
              (i) => html`<li data-testid="board-interest" data-firm-id=${i.firmId}>
                <p><strong>${i.firmName}</strong> <span class="muted small">${formatDateTime(i.at)} · ${t(`board.interestState.${i.status ?? "Pending"}`)}</span></p>
                <p class="board-text">${i.message}</p>
                ${allows(i.actions, "Accept")
                  ? html`<button type="button" class="primary" data-testid="board-accept" ?disabled=${this.busy}
                      @click=${() => this.#act(() => api.acceptInterest(d.post.id, i.firmId), () => t("board.accepted"))}>${t("board.accept")}</button>`
                  : nothing}
              </li>`,
            )}
          </ul>`}`;
  }

  #interestFormView(d: PostDto, firms: PostDto["firms"]) {
    const firm = firms.find((f) => sameId(f.firmId, this.interestFirm)) ?? firms[0]!;
    return html`<form class="board-interest-form" data-testid="board-interest-form" novalidate
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void this.#act(() => api.expressInterest(d.post.id, { firmId: firm.firmId, message: this.message.trim() }), () => t("board.interestSent"));
      }}>
      ${firms.length > 1
        ? html`<div class="field">
            <label for="board-interest-firm">${t("board.interestFor")}</label>
            <select id="board-interest-firm" data-testid="board-interest-firm" @change=${(e: Event) => (this.interestFirm = (e.target as HTMLSelectElement).value)}>
              ${firms.map((f) => html`<option value=${f.firmId} ?selected=${sameId(f.firmId, firm.firmId)}>${f.firmName}</option>`)}
            </select>
          </div>`
        : html`<p class="muted small">${t("board.interestFor")}: <strong>${firm.firmName}</strong></p>`}
      <div class="field">
        <label for="board-interest-message">${t("board.interestMessage")}</label>
        <textarea id="board-interest-message" data-testid="board-interest-message" rows="3" maxlength="1000" .value=${live(this.message)}
          aria-describedby="board-interest-hint" @input=${(e: InputEvent) => (this.message = (e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="muted small" id="board-interest-hint">${t("board.interestHint")}</p>
      </div>
      <p class="actions"><button class="primary" type="submit" data-testid="board-interest-submit" ?disabled=${this.busy}>${t("board.sendInterest")}</button></p>
    </form>`;
  }

  #moderationView(d: PostDto) {
    const a = d.moderatorActions;
    return html`<div class="board-moderation" data-testid="board-moderation-panel">
      <h4>${t("board.moderation")}</h4>
      ${allows(a, "Hide") || allows(a, "Close")
        ? html`<div class="field">
            <label for="board-reason">${t("board.moderationReason")}</label>
            <textarea id="board-reason" data-testid="board-reason" rows="2" maxlength="1000" .value=${live(this.reason)}
              @input=${(e: InputEvent) => (this.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
          </div>`
        : nothing}
      <p class="actions">
        ${allows(a, "Approve")
          ? html`<button type="button" class="primary" data-testid="board-approve" ?disabled=${this.busy}
              @click=${() => this.#act(() => api.moderatePost(d.post.id, { action: "Approve", reason: null }), () => t("board.moderated"))}>${t("board.approve")}</button>`
          : nothing}
        ${allows(a, "Hide")
          ? html`<button type="button" data-testid="board-hide" ?disabled=${this.busy}
              @click=${() => this.#act(() => api.moderatePost(d.post.id, { action: "Hide", reason: this.reason }), () => t("board.hiddenDone"), true)}>${t("board.hidePost")}</button>`
          : nothing}
        ${allows(a, "Close")
          ? html`<button type="button" data-testid="board-moderate-close" ?disabled=${this.busy}
              @click=${() => this.#act(() => api.moderatePost(d.post.id, { action: "Close", reason: this.reason }), () => t("board.closedByAdminsDone"), true)}>${t("board.closePost")}</button>`
          : nothing}
      </p>
    </div>`;
  }

  #formView(b: BoardDto) {
    const f = this.form;
    const messages = (field: string) => fieldMessages(this.errors, field);
    const err = (field: string) => fieldErrorView(field, messages(field), `board-error-${field}`);
    const invalid = (field: string) => (messages(field).length > 0 ? "true" : "false");
    const described = (field: string) => (messages(field).length > 0 ? `board-error-${field}` : undefined);
    const reading = readDateInput(f.expiresOn, "date");
    const editing = this.editing;
    return html`<section class="card board-form" data-testid="board-form">
      <details ?open=${editing !== null}>
        <summary><h2>${t(editing ? "board.editing" : "board.new")}</h2></summary>
        ${b.postsNeedApproval ? html`<p class="muted small">${t("board.approvalNote")}</p>` : nothing}
        <form @submit=${(e: SubmitEvent) => this.#submit(e)} novalidate>
          ${editing
            ? nothing
            : b.posters.length > 1
              ? html`<div class="field">
                  <label for="board-firm">${t("board.firm")}</label>
                  <select id="board-firm" data-testid="board-firm" @change=${(e: Event) => (this.firmId = (e.target as HTMLSelectElement).value)}>
                    ${b.posters.map((p) => html`<option value=${p.id} ?selected=${sameId(p.id, this.firmId)}>${p.name}</option>`)}
                  </select>
                  ${err("firmId")}
                </div>`
              : html`<p class="muted small">${t("board.firm")}: <strong>${b.posters[0]!.name}</strong></p>`}
          <fieldset class="field board-kind">
            <legend>${t("board.fieldKind")}</legend>
            ${(["Offer", "Request"] as const).map(
              (k) => html`<label class="check"><input type="radio" name="board-kind" value=${k} data-testid="board-kind-${k.toLowerCase()}"
                .checked=${live(f.kind === k)} @change=${() => (this.form = { ...this.form, kind: k })} /> ${t(`board.kindLong.${k}`)}</label>`,
            )}
            ${err("kind")}
          </fieldset>
          <div class="field">
            <label for="board-title">${t("board.fieldTitle")}</label>
            <input id="board-title" data-testid="board-title" maxlength="120" .value=${live(f.title)} aria-invalid=${invalid("title")}
              aria-describedby=${ifDefined(described("title"))} @input=${(e: InputEvent) => (this.form = { ...this.form, title: (e.target as HTMLInputElement).value })} />
            ${err("title")}
          </div>
          <div class="field">
            <label for="board-text">${t("board.fieldText")}</label>
            <textarea id="board-text" data-testid="board-text" rows="4" maxlength="4000" .value=${live(f.text)} aria-invalid=${invalid("text")}
              aria-describedby=${ifDefined(described("text"))}
              @input=${(e: InputEvent) => (this.form = { ...this.form, text: (e.target as HTMLTextAreaElement).value })}></textarea>
            ${err("text")}
          </div>
          <div class="field">
            <ul class="chips" data-testid="board-cpv">
              ${f.cpv.map(
                (c) => html`<li class="chip" data-code=${c.code}><code>${c.code}</code> ${localized(c.labelIt, c.labelEn)}
                  <button type="button" class="remove" aria-label=${t("edit.remove", { item: c.code })}
                    @click=${() => (this.form = { ...this.form, cpv: this.form.cpv.filter((x) => x.code !== c.code) })}>×</button></li>`,
              )}
            </ul>
            <label for="board-cpv">${t("board.fieldCpv")}</label>
            ${this.#cpv.view("board-cpv", described("cpv"), messages("cpv").length > 0)}
            ${err("cpv")}
          </div>
          <div class="row">
            <div class="field grow">
              <label for="board-comune">${t("board.fieldComune")}</label>
              ${this.#comune.view("board-comune", described("comuneCode"), messages("comuneCode").length > 0)}
              ${err("comuneCode")}
            </div>
            <div class="field">
              <label for="board-value">${t("board.fieldValue")}</label>
              <input id="board-value" data-testid="board-value" inputmode="decimal" .value=${live(f.amount)} aria-invalid=${invalid("value")}
                aria-describedby=${ifDefined(described("value"))} @input=${(e: InputEvent) => (this.form = { ...this.form, amount: (e.target as HTMLInputElement).value })} />
              ${err("value")}
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="board-expires">${t("board.fieldExpires")}</label>
              <input id="board-expires" data-testid="board-expires" type="date" .value=${live(f.expiresOn)} aria-invalid=${invalid("expiresOn")}
                aria-describedby=${ifDefined(described("expiresOn") ?? (reading ? "board-expires-reading" : undefined))}
                @input=${(e: InputEvent) => (this.form = { ...this.form, expiresOn: (e.target as HTMLInputElement).value })} />
              ${reading ? html`<p class="muted small" id="board-expires-reading" data-testid="board-expires-reading">${reading}</p>` : nothing}
              ${err("expiresOn")}
            </div>
            <div class="field grow">
              <label for="board-tender">${t("board.fieldTender")}</label>
              <select id="board-tender" data-testid="board-tender" @change=${(e: Event) => (this.form = { ...this.form, tenderId: (e.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${f.tenderId === ""}>${t("board.noTender")}</option>
                ${this.tenders.map((x) => html`<option value=${x.id} ?selected=${sameId(x.id, f.tenderId)}>${x.title}</option>`)}
              </select>
              ${err("tenderId")}
            </div>
          </div>
          <p class="actions">
            <button class="primary" type="submit" data-testid="board-submit" ?disabled=${this.busy}>${t(editing ? "board.save" : "board.submit")}</button>
            ${editing
              ? html`<button type="button" data-testid="board-cancel-edit" @click=${() => {
                  this.editing = null;
                  this.form = emptyPostForm();
                  this.#comune.setText("");
                }}>${t("board.cancelEdit")}</button>`
              : nothing}
          </p>
          <p class="status ${this.status?.ok ? "ok" : "error"}" role="status" data-testid="board-status">${this.status?.text() ?? ""}</p>
        </form>
      </details>
    </section>`;
  }
}

customElements.define("space-board", SpaceBoard);

declare global {
  interface HTMLElementTagNameMap {
    "space-board": SpaceBoard;
  }
}
