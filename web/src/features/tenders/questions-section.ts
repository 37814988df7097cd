// Questions and answers (Quesiti): public and anonymous. Every question is shown with its answer; the asking
// firm is never named, its own people only see "your question". Member firms ask during the enquiry period;
// the buyer answers until the submission deadline.
import { html, nothing } from "lit-html";
import { ifDefined } from "lit-html/directives/if-defined.js";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import { ApiError, type FieldErrors } from "../../api/problem";
import type { MyBusinessDto, QuestionDto, TenderDto } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { formatDateTime, t } from "../../i18n";
import { href } from "../../router";
import { fieldErrorView } from "../../views";
import { currentUser } from "../auth/session";
import { allows, blockersOf, offers } from "../../api/viewer-actions";
import { formatDeadline } from "./dates";
import { refusedAction } from "../../i18n/refusals";
import { firmActions, whyBlocked } from "./tender-actions";
import type { TenderContext } from "./tender-context";

type Status = { ok: boolean; text: () => string } | null;

export function questionsSection(ctx: TenderContext) {
  let firmId = "";
  let text = "";
  let asking = false;
  let askErrors: FieldErrors = {};
  let askStatus: Status = null;

  const answers = new Map<number, string>();
  let answering: number | null = null;
  let answerErrors: FieldErrors = {};
  let answerStatus: { number: number; status: Status } | null = null;

  /** The firms the viewer may ask for now, as the tender says. */
  const askers = (tender: TenderDto): MyBusinessDto[] => ctx.mine().filter((b) => allows(firmActions(tender, b.id), "Ask"));

  async function ask(event: SubmitEvent, tender: TenderDto): Promise<void> {
    event.preventDefault();
    const firms = askers(tender);
    const firm = firms.find((f) => f.id === firmId) ?? firms[0];
    if (!firm || asking) return;
    askErrors = {};
    askStatus = null;
    asking = true;
    ctx.redraw();
    try {
      const fresh = await api.askQuestion(ctx.tenderId, { firmId: firm.id, text: text.trim() });
      text = "";
      askStatus = { ok: true, text: () => t("questions.asked") };
      ctx.accept(fresh);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        askErrors = error.errors;
        askStatus = { ok: false, text: () => otherFieldMessages(askErrors, ["text"]).join(" ") };
      } else {
        const problem = refusedAction(error);
        askStatus = { ok: false, text: problem.text };
        if (problem.reload) ctx.reload();
      }
    } finally {
      asking = false;
      ctx.redraw();
    }
  }

  async function answer(event: SubmitEvent, q: QuestionDto): Promise<void> {
    event.preventDefault();
    if (answering !== null) return;
    const body = (answers.get(q.number) ?? "").trim();
    answerErrors = {};
    answerStatus = null;
    answering = q.number;
    ctx.redraw();
    try {
      const fresh = await api.answerQuestion(ctx.tenderId, q.number, body);
      answers.delete(q.number);
      answerStatus = { number: q.number, status: { ok: true, text: () => t("questions.answered") } };
      ctx.accept(fresh);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        answerErrors = error.errors;
        answerStatus = { number: q.number, status: { ok: false, text: () => otherFieldMessages(answerErrors, ["text"]).join(" ") } };
      } else {
        const problem = refusedAction(error);
        answerStatus = { number: q.number, status: { ok: false, text: problem.text } };
        if (problem.reload) ctx.reload();
      }
    } finally {
      answering = null;
      ctx.redraw();
    }
  }

  function answerForm(q: QuestionDto) {
    const messages = answerStatus?.number === q.number ? fieldMessages(answerErrors, "text") : [];
    const id = `answer-text-${q.number}`;
    return html`<form class="answer-form" @submit=${(e: SubmitEvent) => answer(e, q)} novalidate>
      <label for=${id}>${t("questions.answerLabel", { n: q.number })}</label>
      <textarea id=${id} data-testid=${id} rows="3" maxlength="4000" .value=${live(answers.get(q.number) ?? "")}
        @input=${(e: InputEvent) => answers.set(q.number, (e.target as HTMLTextAreaElement).value)}
        aria-invalid=${messages.length ? "true" : "false"} aria-describedby=${ifDefined(messages.length ? `${id}-error` : undefined)}></textarea>
      ${fieldErrorView("text", messages, `${id}-error`)}
      <p class="actions">
        <button type="submit" class="primary" data-testid="answer-${q.number}" ?disabled=${answering !== null}>${t("questions.answerSubmit")}</button>
      </p>
    </form>`;
  }

  function questionView(q: QuestionDto, tender: TenderDto) {
    const status = answerStatus?.number === q.number ? answerStatus.status : null;
    const mayAnswer = q.answer === null && allows(tender.actions, "Answer");
    return html`<li class="question ${q.mine ? "mine" : ""}" data-testid="question" data-number=${q.number}
      data-answered=${q.answer !== null ? "true" : "false"}>
      <p class="question-head">
        <strong>${t("questions.number", { n: q.number })}</strong>
        ${q.mine ? html`<span class="badge mine" data-testid="question-mine">${t("questions.mine")}</span>` : nothing}
        <span class="muted small">${t("questions.askedAt", { when: formatDateTime(q.askedAt) })}</span>
      </p>
      <p class="question-text" data-testid="question-body">${q.text}</p>
      ${q.answer !== null
        ? html`<div class="answer" data-testid="question-answer">
            <p class="muted small">${t("questions.answeredAt", { when: formatDateTime(q.answeredAt ?? q.askedAt) })}</p>
            <p class="answer-text">${q.answer}</p>
          </div>`
        : mayAnswer
          ? answerForm(q)
          : html`<p class="muted small awaiting">${t("questions.awaiting")}</p>`}
      ${status ? html`<p class="status ${status.ok ? "ok" : "error"}" role="status">${status.text()}</p>` : nothing}
    </li>`;
  }

  function askView(tender: TenderDto) {
    if (tender.status !== "Enquiries") {
      return tender.status === "Draft" || tender.status === "Cancelled"
        ? nothing
        : html`<p class="muted small" data-testid="questions-closed">${t("questions.closed", { when: formatDeadline(tender.enquiryDeadline) })}</p>`;
    }
    if (!currentUser())
      return html`<p class="muted small">${t("questions.signIn")} <a href=${href({ name: "login", next: location.hash })}>${t("nav.login")}</a></p>`;
    const firms = askers(tender);
    if (firms.length === 0) {
      // A firm outside the tender's spaces is told so (its Owners and Managers only); a firm that offers them nothing
      // is one they do not ask for.
      const mine = ctx.mine().filter((b) => b.kind === "Firm");
      const why = whyBlocked(mine.flatMap((b) => blockersOf(firmActions(tender, b.id), "Ask")));
      return html`${why.map((text) => html`<p class="muted small" data-testid="ask-blocked">${text}</p>`)}
        ${mine.some((b) => !offers(firmActions(tender, b.id), "Ask")) ? html`<p class="muted small">${t("questions.viewerOnly")}</p>` : nothing}`;
    }
    const firm = firms.find((f) => f.id === firmId) ?? firms[0]!;
    const messages = fieldMessages(askErrors, "text");
    const firmMessages = fieldMessages(askErrors, "firmId");
    return html`<form class="ask-form" data-testid="ask-form" @submit=${(e: SubmitEvent) => ask(e, tender)} novalidate>
      <h3>${t("questions.ask")}</h3>
      ${firms.length > 1
        ? html`<div class="field">
            <label for="question-firm">${t("questions.firm")}</label>
            <select id="question-firm" data-testid="question-firm"
              @change=${(e: Event) => { firmId = (e.target as HTMLSelectElement).value; }}>
              ${firms.map((f) => html`<option value=${f.id} ?selected=${f.id === firm.id}>${f.name}</option>`)}
            </select>
            ${fieldErrorView("firmId", firmMessages)}
          </div>`
        : fieldErrorView("firmId", firmMessages)}
      <div class="field">
        <label for="question-text">${t("questions.text")}</label>
        <textarea id="question-text" data-testid="question-text" rows="3" maxlength="4000" .value=${live(text)}
          @input=${(e: InputEvent) => (text = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${messages.length ? "true" : "false"}
          aria-describedby=${ifDefined(messages.length ? "question-text-error question-text-hint" : "question-text-hint")}></textarea>
        <small class="hint" id="question-text-hint">${t("questions.askHint")}</small>
        ${fieldErrorView("text", messages, "question-text-error")}
      </div>
      <p class="actions">
        <button type="submit" class="primary" data-testid="ask-question" ?disabled=${asking}>${t("questions.askSubmit")}</button>
      </p>
      <p class="status ${askStatus ? (askStatus.ok ? "ok" : "error") : ""}" role="status" data-testid="ask-status">${askStatus?.text() ?? ""}</p>
    </form>`;
  }

  return {
    view(tender: TenderDto) {
      if (tender.status === "Draft") return nothing;
      const questions = [...tender.questions].sort((a, b) => a.number - b.number);
      return html`<section class="card questions" data-testid="tender-questions" aria-labelledby="tender-questions-title">
        <div class="section-head">
          <h2 id="tender-questions-title">${t("questions.title")} <span class="count">${questions.length}</span></h2>
          <span class="muted small">${t("questions.intro")}</span>
        </div>
        ${questions.length
          ? html`<ol class="question-list">${questions.map((q) => questionView(q, tender))}</ol>`
          : html`<p class="muted">${t("questions.none")}</p>`}
        ${askView(tender)}
      </section>`;
    },
  };
}
