// The answers to the tender's quality criteria (the technical offer), one per criterion, co-edited like the work
// packages: each answer has a version, and a newer one from someone else never silently replaces what the user is
// typing (stale.ts). Beside each answer, its thread of the alliance's conversation ("Discussione", with how many
// messages it holds) opens where the partners talk it over without touching the text.
import type { FieldErrors } from "../../api/problem";
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { CriterionDto, JointBidDto, SaveAnswerRequest, TenderDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { t } from "../../i18n";
import { fieldErrorView } from "../../views";
import { discardMine, edit, isDirty, reapply, reconcile, refused, startDraft, type Draft, type Fresh } from "./stale";
import { nothingToDo, statusView, type Status } from "./status";
import type { WorkspaceContext } from "./workspace-context";

interface AnswerEdit {
  draft: Draft<string>;
  errors: FieldErrors;
  sent: SaveAnswerRequest | undefined;
  status: Status | null;
}

/** The server stores an answer trimmed: the same text but for spaces around it is the same answer. */
const sameText = (a: string, b: string): boolean => a.trim() === b.trim();

/** The answer to a criterion as the joint bid has it: none yet is version 0, empty. */
function answerOf(bid: Pick<JointBidDto, "answers">, criterion: number): Fresh<string> {
  const answer = bid.answers.find((a) => a.criterion === criterion);
  return answer ? { version: answer.version, values: answer.text } : { version: 0, values: "" };
}

export function answersSection(ws: WorkspaceContext) {
  const edits = new Map<number, AnswerEdit>();
  /** The answer whose save is on its way: a reload meanwhile leaves it alone. */
  let saving: number | null = null;

  function entry(bid: JointBidDto, criterion: number): AnswerEdit {
    let e = edits.get(criterion);
    if (!e) {
      const current = answerOf(bid, criterion);
      e = { draft: startDraft(current.version, current.values), errors: {}, sent: undefined, status: null };
      edits.set(criterion, e);
    }
    return e;
  }

  async function save(event: SubmitEvent, c: CriterionDto): Promise<void> {
    event.preventDefault();
    const bid = ws.bid();
    if (!bid || saving !== null) return;
    const e = entry(bid, c.number);
    const text = e.draft.fields.trim();
    const body: SaveAnswerRequest = { version: e.draft.version, text };
    e.sent = body;
    e.status = null;
    e.errors = {};
    // Saving the same text would still void every approval: there is nothing to save.
    if (!isDirty(e.draft, sameText)) {
      e.status = nothingToDo(() => t("jointBid.answers.unchanged"), bid);
      ws.redraw();
      return;
    }
    saving = c.number;
    const outcome = await ws.run(() => api.saveJointAnswer(ws.allianceId, c.number, body), {
      shown: ["text"],
      sent: body,
      refused: () => {
        saving = null;
        const current = edits.get(c.number);
        if (current) current.draft = refused(current.draft);
      },
      done: () => t("jointBid.answers.saved", { name: c.name }),
    });
    saving = null;
    if (!outcome) return;
    const current = edits.get(c.number);
    if (!current) return;
    current.errors = outcome.errors;
    current.status = outcome;
    const fresh = ws.bid();
    if (outcome.ok && fresh) {
      const saved = answerOf(fresh, c.number);
      current.draft = startDraft(saved.version, saved.values);
    }
    ws.redraw();
  }

  /** The button opening the answer's thread, with how many messages it holds; nothing for who has no conversation. */
  function discussionView(c: CriterionDto) {
    const thread = ws.answerThread(c.number);
    if (!thread) return nothing;
    return html`<button type="button" class="link answer-discussion" data-testid="answer-discussion-${c.number}"
      aria-label=${t("jointBid.answers.discussAbout", { name: c.name, count: thread.messages })} @click=${thread.open}>
      <span class="answer-discussion-label">${t("jointBid.answers.discuss")}</span> <span class="badge" data-testid="answer-discussion-count-${c.number}">${thread.messages}</span></button>`;
  }

  function answerView(bid: JointBidDto, c: CriterionDto, editable: boolean) {
    const current = bid.answers.find((a) => a.criterion === c.number);
    const id = `answer-${c.number}`;
    const head = html`<span class="answer-name">${c.name}</span>
      <span class="muted small">${t("jointBid.answers.weight", { weight: c.weight })}</span>
      <span class="muted small" data-testid="answer-version-${c.number}">${current
        ? t("jointBid.answers.version", { version: current.version })
        : t("jointBid.answers.none")}</span>`;
    if (!editable)
      return html`<div class="joint-answer" data-testid="joint-answer" data-criterion=${c.number} data-version=${current?.version ?? 0}>
        <p class="answer-head">${head} ${discussionView(c)}</p>
        ${current ? html`<div class="answer-text pre" data-testid="answer-text-${c.number}">${current.text}</div>` : nothing}
      </div>`;
    const e = entry(bid, c.number);
    const messages = fieldMessages(e.errors, "text");
    return html`<form class="joint-answer" data-testid="joint-answer" data-criterion=${c.number} data-version=${current?.version ?? 0} novalidate
      @submit=${(ev: SubmitEvent) => void save(ev, c)}>
      <p class="answer-head"><label for=${id}>${head}</label> ${discussionView(c)}</p>
      ${e.draft.mine !== null
        ? html`<div class="alert warn stale-notice" data-testid="stale-notice" data-criterion=${c.number} role="alert">
            <p><strong>${t("jointBid.answers.stale")}</strong></p>
            <p class="small">${t("jointBid.answers.staleMine")}</p>
            <blockquote class="mine-text pre" data-testid="mine-text">${e.draft.mine}</blockquote>
            <p class="actions">
              <button type="button" data-testid="reapply-mine" @click=${() => { e.draft = reapply(e.draft); ws.redraw(); }}>
                ${t("jointBid.stale.reapply")}</button>
              <button type="button" class="link" data-testid="discard-mine" @click=${() => { e.draft = discardMine(e.draft); ws.redraw(); }}>
                ${t("jointBid.stale.discard")}</button>
            </p>
          </div>`
        : nothing}
      <textarea id=${id} data-testid=${id} rows="5" .value=${live(e.draft.fields)}
        @input=${(ev: InputEvent) => { e.draft = edit(e.draft, (ev.target as HTMLTextAreaElement).value); }}
        aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)}></textarea>
      ${fieldErrorView(`answer-${c.number}`, messages, `${id}-error`)}
      <p class="actions">
        <button type="submit" class="primary" data-testid="save-answer-${c.number}" ?disabled=${ws.busy()}>${t("jointBid.answers.save")}</button>
      </p>
      ${statusView(e.status, bid, `answer-status-${c.number}`)}
    </form>`;
  }

  return {
    /** A newer joint bid: the answers that changed follow it; one being typed is kept (stale.ts), one being saved left alone. */
    reconcile(fresh: JointBidDto): void {
      for (const [criterion, e] of edits) {
        if (criterion === saving) continue;
        const next = reconcile(e.draft, answerOf(fresh, criterion), sameText);
        if (next !== null && next !== e.draft) {
          e.draft = next;
          if (next.mine !== null) e.errors = {};
        }
      }
    },

    view(bid: JointBidDto, tender: TenderDto) {
      const criteria = tender.criteria.filter((c) => c.kind === "Quality");
      const editable = ws.editable();
      return html`<section class="card joint-answers" data-testid="joint-answers" aria-labelledby="joint-answers-title">
        <div class="section-head">
          <h3 id="joint-answers-title">${t("jointBid.answers.title")}</h3>
          <span class="muted small">${t("jointBid.answers.intro")}</span>
        </div>
        ${criteria.length === 0
          ? html`<p class="muted">${t("jointBid.answers.noCriteria")}</p>`
          : criteria.map((c) => answerView(bid, c, editable))}
      </section>`;
    },
  };
}
