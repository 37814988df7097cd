// The alliance's conversation, a tab of its page for the people of its active firms: the general thread, one per
// work package of the joint bid and one per answer it gives to the tender's quality criteria, newest first with older pages on demand, and the box to write in (for the viewer's
// firms where they are an Owner or a Manager; a Viewer reads). A message written by anyone reaches the page live on
// the alliance's group (ThreadMessagePosted); after a reconnect the thread is read again. Nothing here touches the bid:
// the packages and the criteria are read only for their titles. Typing "@" offers the people who read the conversation; a message
// mentioning someone highlights their name, and the person is told (live, and by e-mail unless they read it here first).
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { AllianceDto, ThreadMessageDto, ThreadPersonDto, ThreadSummaryDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { currentLanguage, t } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import type { JointBidChange, LiveState, ThreadMessage } from "../../realtime/hub";
import { fieldErrorView, loadErrorView, loadingView } from "../../views";
import type { AllianceContext } from "../alliances/alliance-context";
import { currentUser } from "../auth/session";
import { matching, mentionAt, mentionParts, namedIn, withMention, type MentionQuery } from "./mention-data";
import { dismissMentionNotice } from "./mention-notices";
import { MAX_TEXT, answerThread, countOf, countedIn, criterionOf, subjectOf, withMessage, writingFirms, type ThreadKey } from "./thread-data";

/** When a message was written, as people in Italy read it, whatever the browser's own time zone. */
const writtenAt = (iso: string): string =>
  new Intl.DateTimeFormat(currentLanguage() === "it" ? "it-IT" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Rome" }).format(
    new Date(iso),
  );

export interface ConversationSection {
  /** Whether the viewer has the conversation: the people of the alliance's active firms (those who may watch it). */
  wanted(alliance: AllianceDto): boolean;
  follow(alliance: AllianceDto): void;
  heard(message: ThreadMessage): void;
  /** The joint bid changed: a package may have been added, renamed or deleted (the change carries it: nothing is read again). */
  jointBidChanged(change: JointBidChange): void;
  /** How many messages a thread holds, as last counted (0 before the conversation is read). */
  count(key: ThreadKey): number;
  /** Shows a thread (the joint bid's page opens an answer's from beside it). */
  open(key: ThreadKey): void;
  liveState(state: LiveState): void;
  view(alliance: AllianceDto): unknown;
  dispose(): void;
}

export function conversationSection(ctx: AllianceContext, wanted: (alliance: AllianceDto) => boolean): ConversationSection {
  let thread: ThreadKey = null;
  let messages: ThreadMessageDto[] = [];
  let threads: ThreadSummaryDto[] = [];
  let older: number | null = null;
  let packages: { id: string; title: string }[] = [];
  /** The tender's quality criteria, each the subject of the thread of the joint bid's answer to it. */
  let answers: { criterion: number; name: string }[] = [];
  let state: "idle" | "loading" | "ok" | "error" = "idle";
  let loadingOlder = false;
  let draft = "";
  let firmId = "";
  let errors: FieldErrors = {};
  let status: { ok: boolean; text: () => string } | null = null;
  let sending = false;
  let disposed = false;
  let withTender = false;
  /** Each load is numbered: an answer to an older one (another thread, before a reconnect) is dropped. */
  let loads = 0;
  /** The messages already counted in their thread, so that our own answer and the hub's copy count once. */
  const counted = new Set<string>();
  /** Who may be mentioned (read once the viewer writes), the people picked into the draft, and the "@…" being typed. */
  let people: ThreadPersonDto[] = [];
  let picked: ThreadPersonDto[] = [];
  let typing: MentionQuery | null = null;
  let caret = 0;
  let active = 0;

  const me = (): string => currentUser()?.id.toLowerCase() ?? "";
  const mentionsMe = (m: ThreadMessageDto): boolean => m.mentions.some((x) => x.userId.toLowerCase() === me());

  async function loadPeople(): Promise<void> {
    try {
      const found = await api.threadPeople(ctx.allianceId);
      if (!disposed) people = found;
    } catch {
      // Without the list nobody is offered; the message is still written.
    }
  }

  function onText(area: HTMLTextAreaElement): void {
    draft = area.value;
    caret = area.selectionStart ?? draft.length;
    const next = mentionAt(draft, caret);
    if (next?.start !== typing?.start || next?.query !== typing?.query) active = 0;
    typing = next;
    ctx.redraw();
  }

  function pick(person: ThreadPersonDto): void {
    if (!typing) return;
    const next = withMention(draft, typing, caret, person);
    draft = next.text;
    caret = next.caret;
    picked = [...picked.filter((p) => p.userId !== person.userId), person];
    typing = null;
    ctx.redraw();
    // The box keeps the focus, with the caret after the name, to go on writing.
    requestAnimationFrame(() => {
      const area = document.getElementById("conversation-text") as HTMLTextAreaElement | null;
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKey(event: KeyboardEvent): void {
    if (!typing) return;
    const offered = matching(people, typing.query);
    if (offered.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : offered.length - 1)) % offered.length;
      ctx.redraw();
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      pick(offered[Math.min(active, offered.length - 1)]!);
    } else if (event.key === "Escape") {
      typing = null;
      ctx.redraw();
    }
  }

  /** The viewer reads a message that mentions them, live on this page: it is seen, and no e-mail repeats it. */
  function seen(message: ThreadMessageDto): void {
    if (!mentionsMe(message) || document.hidden) return;
    dismissMentionNotice(message.id);
    void api.markThreadMessageSeen(ctx.allianceId, message.id).catch(() => undefined);
  }

  async function load(): Promise<void> {
    const mine = ++loads;
    if (state !== "ok") state = "loading";
    ctx.redraw();
    try {
      const page = await api.threadMessages(ctx.allianceId, subjectQuery(thread));
      if (mine !== loads || disposed) return;
      messages = page.messages;
      older = page.older ?? null;
      threads = page.threads;
      page.messages.forEach((m) => counted.add(m.id.toLowerCase()));
      // Reading the page marked the viewer's mentions in it as seen (the server did): their notices can go.
      page.messages.filter(mentionsMe).forEach((m) => dismissMentionNotice(m.id));
      state = "ok";
    } catch {
      if (mine !== loads || disposed) return;
      state = "error";
    }
    ctx.redraw();
  }

  async function loadOlder(): Promise<void> {
    if (older === null || loadingOlder) return;
    const mine = loads;
    loadingOlder = true;
    ctx.redraw();
    try {
      const page = await api.threadMessages(ctx.allianceId, { ...subjectQuery(thread), before: older });
      if (mine !== loads || disposed) return;
      messages = [...messages, ...page.messages.filter((m) => !messages.some((shown) => shown.id === m.id))];
      older = page.older ?? null;
    } catch (error) {
      status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      loadingOlder = false;
      ctx.redraw();
    }
  }

  async function loadPackages(): Promise<void> {
    if (!withTender) return;
    try {
      const bid = await api.jointBid(ctx.allianceId);
      if (disposed) return;
      packages = bid.workPackages.map((p) => ({ id: p.id, title: p.title }));
      ctx.redraw();
      const tender = await api.tender(bid.tenderId);
      if (disposed) return;
      answers = tender.criteria.filter((c) => c.kind === "Quality").map((c) => ({ criterion: c.number, name: c.name }));
      ctx.redraw();
    } catch {
      // Without the titles the general thread still works; the next change of the bid reads them again.
    }
  }

  function take(message: ThreadMessageDto): void {
    const id = message.id.toLowerCase();
    if (!counted.has(id)) {
      counted.add(id);
      threads = countedIn(threads, message);
    }
    const before = messages.length;
    messages = withMessage(messages, thread, message);
    if (messages.length > before) seen(message);
    ctx.redraw();
  }

  /** The query naming a thread: its package or its criterion; nothing for the general thread. */
  function subjectQuery(key: ThreadKey): { packageId?: string; criterion?: number } {
    const { packageId, criterion } = subjectOf(key);
    return criterion !== null ? { criterion } : packageId !== null ? { packageId } : {};
  }

  function select(next: ThreadKey): void {
    if (next === thread) return;
    thread = next;
    messages = [];
    older = null;
    state = "loading";
    status = null;
    void load();
  }

  async function send(alliance: AllianceDto, event: Event): Promise<void> {
    event.preventDefault();
    if (sending) return;
    const writers = writingFirms(alliance, ctx.roles());
    const firm = writers.length > 1 ? firmId || writers[0]!.id : undefined;
    sending = true;
    errors = {};
    status = null;
    ctx.redraw();
    try {
      const written = await api.postThreadMessage(ctx.allianceId, { firmId: firm ?? null, ...subjectOf(thread), text: draft, mentions: namedIn(draft, picked) });
      draft = "";
      picked = [];
      typing = null;
      status = { ok: true, text: () => t("conversation.sent") };
      take(written);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        errors = error.errors;
        const other = otherFieldMessages(errors, ["text", "mentions"]);
        status = { ok: false, text: () => (other.length ? other.join(" ") : t("form.invalid")) };
      } else status = { ok: false, text: () => describeRefusal(error) };
    } finally {
      sending = false;
      ctx.redraw();
    }
  }

  function threadName(key: ThreadKey): string {
    if (key === null) return t("conversation.general");
    const criterion = criterionOf(key);
    if (criterion !== null) return t("conversation.answerThread", { title: answers.find((a) => a.criterion === criterion)?.name ?? "…" });
    const title = packages.find((p) => p.id.toLowerCase() === key.toLowerCase())?.title ?? "…";
    return t("conversation.packageThread", { title });
  }

  function threadsView() {
    const keys: ThreadKey[] = [null, ...packages.map((p) => p.id), ...answers.map((a) => answerThread(a.criterion))];
    return html`<nav class="conversation-threads" aria-label=${t("conversation.threads")} data-testid="conversation-threads">
      ${keys.map(
        (key) => html`<button
          type="button"
          class="thread-choice"
          aria-pressed=${key === thread ? "true" : "false"}
          data-testid="conversation-thread"
          data-thread=${key ?? "general"}
          @click=${() => select(key)}
        >
          <span>${threadName(key)}</span>
          <span class="badge" title=${t("conversation.count", { count: countOf(threads, key) })}>${countOf(threads, key)}</span>
        </button>`,
      )}
    </nav>`;
  }

  function composerView(alliance: AllianceDto) {
    const writers = writingFirms(alliance, ctx.roles());
    if (writers.length === 0) return html`<p class="muted" data-testid="conversation-read-only">${t("conversation.readOnly")}</p>`;
    const textErrors = fieldMessages(errors, "text");
    const offered = typing ? matching(people, typing.query) : [];
    return html`<form class="conversation-form" data-testid="conversation-form" @submit=${(e: Event) => void send(alliance, e)}>
      ${writers.length > 1
        ? html`<label
            >${t("conversation.writeFor")}
            <select data-testid="conversation-firm" @change=${(e: Event) => (firmId = (e.target as HTMLSelectElement).value)}>
              ${writers.map((w) => html`<option value=${w.id} ?selected=${w.id === firmId}>${w.name}</option>`)}
            </select>
            ${fieldErrorView("firmId", fieldMessages(errors, "firmId"))}</label
          >`
        : nothing}
      <label for="conversation-text">${t("conversation.write")}</label>
      <p class="muted small mention-hint" id="conversation-mention-hint">${t("conversation.mentionHint")}</p>
      <div class="mention-box">
        <textarea
          id="conversation-text"
          rows="3"
          maxlength=${MAX_TEXT}
          data-testid="conversation-text"
          aria-describedby="conversation-mention-hint"
          aria-invalid=${textErrors.length ? "true" : "false"}
          aria-autocomplete="list"
          aria-expanded=${typing ? "true" : "false"}
          aria-controls="conversation-mention-list"
          .value=${live(draft)}
          @input=${(e: Event) => onText(e.target as HTMLTextAreaElement)}
          @click=${(e: Event) => onText(e.target as HTMLTextAreaElement)}
          @keydown=${onKey}
        ></textarea>
        ${typing
          ? html`<ul class="mention-list" id="conversation-mention-list" role="listbox" aria-label=${t("conversation.mentionPeople")} data-testid="mention-list">
              ${offered.length === 0
                ? html`<li class="muted small" data-testid="mention-none">${t("conversation.noPeople")}</li>`
                : offered.map(
                    (p, i) => html`<li
                      role="option"
                      aria-selected=${i === active ? "true" : "false"}
                      data-testid="mention-option"
                      data-user-id=${p.userId}
                      @mousedown=${(e: Event) => {
                        e.preventDefault(); // the box keeps the focus and its caret
                        pick(p);
                      }}
                    >
                      <strong>${p.name}</strong> <span class="muted small">${p.firmName}</span>
                    </li>`,
                  )}
            </ul>`
          : nothing}
      </div>
      ${fieldErrorView("text", textErrors)} ${fieldErrorView("mentions", fieldMessages(errors, "mentions"))}
      <div class="form-actions">
        <span class="muted small">${t("conversation.length", { count: draft.length, max: MAX_TEXT })}</span>
        <button type="submit" class="primary" data-testid="conversation-send" ?disabled=${sending || draft.trim() === ""}>
          ${sending ? t("conversation.sending") : t("conversation.send")}
        </button>
      </div>
      ${status
        ? html`<p class=${status.ok ? "status ok" : "status error"} role="status" data-testid="conversation-status">${status.text()}</p>`
        : nothing}
    </form>`;
  }

  function messageView(m: ThreadMessageDto) {
    const forMe = mentionsMe(m);
    return html`<li class=${forMe ? "conversation-message mentions-me" : "conversation-message"} data-testid="conversation-message" data-message-id=${m.id}>
      <p class="byline">
        <span class="author">
          <strong data-testid="conversation-author">${t("conversation.byline", { person: m.authorName, firm: m.firmName })}</strong>
          ${forMe ? html`<span class="badge" data-testid="conversation-mentions-me">${t("conversation.mentionsYou")}</span>` : nothing}
        </span>
        <time datetime=${m.at} class="muted small">${writtenAt(m.at)}</time>
      </p>
      <p class="text" data-testid="conversation-text-shown">${mentionParts(m.text, m.mentions).map((part) =>
        part.mention
          ? html`<mark class=${part.mention.userId.toLowerCase() === me() ? "mention me" : "mention"} data-testid="conversation-mention" data-user-id=${part.mention.userId}
              >${part.text}</mark
            >`
          : part.text,
      )}</p>
    </li>`;
  }

  function listView() {
    if (state === "loading" || state === "idle") return loadingView();
    if (state === "error") return loadErrorView();
    return html`${messages.length === 0 ? html`<p class="muted" data-testid="conversation-empty">${t("conversation.empty")}</p>` : nothing}
      <ol class="conversation-messages" data-testid="conversation-messages" data-thread=${thread ?? "general"}>
        ${messages.map(messageView)}
      </ol>
      ${older !== null
        ? html`<button type="button" class="secondary" data-testid="conversation-older" ?disabled=${loadingOlder} @click=${() => void loadOlder()}>
            ${loadingOlder ? t("conversation.loadingOlder") : t("conversation.older")}
          </button>`
        : nothing}`;
  }

  return {
    wanted,
    follow(alliance) {
      if (!wanted(alliance) || disposed) return;
      const tender = alliance.tender !== null && alliance.tender !== undefined;
      if (state === "idle") {
        withTender = tender;
        void load();
        void loadPackages();
        if (writingFirms(alliance, ctx.roles()).length > 0) void loadPeople();
      }
    },
    heard(message) {
      if (state === "ok") take(message);
    },
    jointBidChanged(change) {
      // A package saved or deleted is a thread more, renamed or gone; other changes leave the packages as they were.
      if (change.packages.length === 0 && change.deletedPackageIds.length === 0) return;
      packages = packages.filter((p) => !change.deletedPackageIds.includes(p.id));
      for (const { id, title } of change.packages)
        packages = packages.some((p) => p.id === id) ? packages.map((p) => (p.id === id ? { id, title } : p)) : [...packages, { id, title }];
      ctx.redraw();
    },
    count: (key) => countOf(threads, key),
    open: select,
    liveState(live) {
      // Messages written while we were not in the group are lost: read the thread again once back in it.
      if (live === "connected" && state === "ok") void load();
    },
    view(alliance) {
      return html`<section class="card conversation" data-testid="conversation">
        <h2>${t("conversation.title")}</h2>
        <p class="muted">
          ${t(withTender ? "conversation.intro" : "conversation.introStanding")} <span class="small">(${t("conversation.timeNote")})</span>
        </p>
        ${withTender ? threadsView() : nothing}
        <h3 data-testid="conversation-thread-title">${threadName(thread)}</h3>
        ${composerView(alliance)} ${listView()}
      </section>`;
    },
    dispose() {
      disposed = true;
    },
  };
}
