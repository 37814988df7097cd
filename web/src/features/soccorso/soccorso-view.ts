// One soccorso istruttorio request as both sides read it: its number, what is asked, the deadline with its clock,
// and what became of it (the answer with its document, no answer after the deadline, or withdrawn by the buyer).
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { SoccorsoDto } from "../../api/types";
import { formatDateTime, t } from "../../i18n";
import { formatCountdown, formatDeadline } from "../tenders/dates";

/** The status as of now: the server's word, except that an open request whose deadline passed while the page was open has no answer. */
export const statusNow = (r: SoccorsoDto, now: number): SoccorsoDto["status"] =>
  r.status === "Open" && Date.parse(r.deadline) <= now ? "Lapsed" : r.status;

export function requestView(tenderId: string, r: SoccorsoDto, now: number, side: "buyer" | "bidder", more: unknown = nothing) {
  const status = statusNow(r, now);
  return html`<li class="soccorso-request" data-testid="soccorso-request" data-number=${r.number} data-status=${status}>
    <div class="soccorso-head">
      <strong>${t("soccorso.number", { n: r.number })}</strong>
      <span class="badge soccorso-${status.toLowerCase()}" data-testid="soccorso-status">${t(`soccorso.status.${status}`)}</span>
      <span class="muted small">${t("soccorso.askedAt", { when: formatDateTime(r.at) })}</span>
    </div>
    <p class="soccorso-subject" data-testid="soccorso-subject">${r.subject}</p>
    ${status === "Open"
      ? html`<p class="small" data-testid="soccorso-deadline">${t("soccorso.until", { when: formatDeadline(r.deadline) })} ·
          <span class="countdown">${formatCountdown(r.deadline, now)}</span></p>`
      : status === "Lapsed"
        ? html`<p class="small problem" data-testid="soccorso-lapsed">${t(side === "buyer" ? "soccorso.lapsedBuyer" : "soccorso.lapsed", { when: formatDeadline(r.deadline) })}</p>`
        : status === "Withdrawn" && r.withdrawnAt
          ? html`<p class="small muted">${t("soccorso.withdrawnAt", { when: formatDateTime(r.withdrawnAt) })}</p>`
          : nothing}
    ${r.answer
      ? html`<div class="soccorso-answer" data-testid="soccorso-answer">
          <p class="muted small">${t("soccorso.answeredAt", { when: formatDateTime(r.answer.at) })}</p>
          <p data-testid="soccorso-answer-text">${r.answer.text}</p>
          ${r.answer.document
            ? html`<p><a data-testid="soccorso-document" href=${api.soccorsoDocumentUrl(tenderId, r.bidderId, r.number)} download=${r.answer.document.name}>
                ${t("soccorso.document", { name: r.answer.document.name })}</a></p>`
            : nothing}
        </div>`
      : nothing}
    ${more}
  </li>`;
}
