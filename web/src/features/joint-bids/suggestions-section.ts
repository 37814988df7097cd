// Partner suggestions, right after the coverage matrix while it has gaps or a lot's requirements are not met: the
// firms of the alliance's space that would complete those requirements come first, saying what each completes (the
// server judged it by the qualification rules), then those that would fill the gaps, ranked (gaps covered first, then how specific the CPV match is, past joint projects, the
// association's verified mark, distance), and a small set of them covering every gap it can. Everyone in the
// workspace sees them; the lead's editors invite a firm (as a member) in one click, or the whole set at once.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, SuggestionsDto } from "../../api/types";
import { currentLanguage, t, tn } from "../../i18n";
import { latestOnly } from "../../latest";
import { href } from "../../router";
import { refusalText } from "../../i18n/refusals";
import { blockersOf } from "../../api/viewer-actions";
import { loadErrorView, loadingView } from "../../views";
import type { AllianceContext } from "../alliances/alliance-context";
import { roleInText } from "../alliances/alliance-views";
import { completesAny, suggestionsModel, type GapCode, type SuggestionRow } from "./suggestions";

type Status = { ok: boolean; text: () => string } | null;

export function suggestionsSection(ctx: AllianceContext) {
  let suggestions: SuggestionsDto | null = null;
  let failed = false;
  /** The firms invited from here, by lower-case id, until the alliance shows them as invited. */
  const invitedHere = new Set<string>();
  let status: Status = null;

  const load = latestOnly(
    () => api.allianceSuggestions(ctx.allianceId),
    (fresh) => {
      suggestions = fresh;
      failed = false;
      // Loaded after the invitations: the alliance now lists those firms as invited.
      invitedHere.clear();
      ctx.redraw();
    },
    () => {
      failed = suggestions === null;
      ctx.redraw();
    },
  );

  /** Invites the firm as a member; the alliance's answer reloads the workspace (coverage and suggestions). */
  async function invite(firm: { id: string; name: string }): Promise<boolean> {
    const sent = { firmId: firm.id, role: "Member" as const };
    const outcome = await ctx.run(() => api.inviteToAlliance(ctx.allianceId, sent), {
      sent,
      done: () => t("alliance.done.invited", { firm: firm.name, role: roleInText("Member") }),
    });
    if (!outcome) return false;
    if (outcome.ok) invitedHere.add(firm.id.toLowerCase());
    status = { ok: outcome.ok, text: outcome.text };
    ctx.redraw();
    return outcome.ok;
  }

  async function inviteAll(rows: readonly SuggestionRow[]): Promise<void> {
    const todo = rows.filter((r) => !r.invited);
    let sent = 0;
    for (const row of todo) {
      if (!(await invite(row))) break;
      sent++;
    }
    if (sent > 1) {
      status = { ok: true, text: () => tn("jointBid.suggestions.invitedAll", sent) };
      ctx.redraw();
    }
  }

  const codes = (covers: readonly GapCode[]) =>
    html`<ul class="suggestion-codes">${covers.map(
      (c) => html`<li data-code=${c.code}><code>${c.code}</code> <span class="code-label">${c.label}</span></li>`,
    )}</ul>`;

  const inviteButton = (row: SuggestionRow, testid: string) =>
    row.invite
      ? html`<button type="button" class="suggestion-invite" data-testid=${testid} data-firm-id=${row.id}
          ?disabled=${row.invited || ctx.busy()} @click=${() => void invite(row)}>${row.invited
            ? t("jointBid.suggestions.invited")
            : t("jointBid.suggestions.invite")}</button>`
      : nothing;

  const completions = (row: SuggestionRow) =>
    row.completes.length
      ? html`<ul class="suggestion-completes">${row.completes.map(
          (c) => html`<li data-testid="suggestion-completes" data-what=${c.what} data-lot=${c.lot} data-lot-qualifies=${c.lotQualifies ? "true" : "false"}>
            <strong>${c.text}</strong> <span class="muted">· ${t("tender.lot", { n: c.lot })}</span>
            ${c.lotQualifies ? html`<span class="badge covered-badge">${t("jointBid.suggestions.lotQualifies")}</span>` : nothing}
          </li>`,
        )}</ul>`
      : nothing;

  const firmLink = (row: SuggestionRow) =>
    html`<a class="suggestion-name" href=${href({ name: "business", id: row.id.toLowerCase() })}>${row.name}</a>`;

  const suggestionView = (row: SuggestionRow) =>
    html`<li class="suggestion" data-testid="suggestion" data-firm-id=${row.id} data-invited=${row.invited ? "true" : "false"}>
      <div class="suggestion-head">
        <strong>${firmLink(row)}</strong>
        ${row.verified
          ? html`<span class="badge verified" data-testid="suggestion-verified"><span class="check" aria-hidden="true">✓</span>${t("verified.badge")}</span>`
          : nothing}
        ${inviteButton(row, "invite-suggestion")}
      </div>
      <p class="muted small suggestion-facts">
        <span data-testid="suggestion-distance">${row.distance ?? t("jointBid.suggestions.distanceUnknown")}</span>
        ${row.jointProjects > 0
          ? html` · <span data-testid="suggestion-joint">${tn("jointBid.suggestions.jointProjects", row.jointProjects)}</span>`
          : nothing}
      </p>
      ${completions(row)}
      ${codes(row.covers)}
    </li>`;

  return {
    /** The workspace (re)loads: the suggestions follow the coverage. */
    load: () => load(),
    dispose(): void {
      load.cancel();
      suggestions = null;
      failed = false;
      status = null;
      invitedHere.clear();
    },
    /** Shown while the coverage (as last loaded, if it is) has gaps, or some firm completes a lot's requirements. */
    view(alliance: AllianceDto, coverageGaps: boolean | null) {
      if (coverageGaps === false && !completesAny(suggestions)) return nothing;
      if (suggestions === null) {
        return failed || coverageGaps
          ? html`<section class="card joint-suggestions" data-testid="suggestions" aria-busy=${failed ? "false" : "true"}>
              <h3>${t("jointBid.suggestions.title")}</h3>${failed ? loadErrorView() : loadingView()}</section>`
          : nothing;
      }
      // No firm could join the bid now (bids closed, or the bid submitted): the server says why, in one sentence,
      // once: to the lead's people the invitation section beside it already says it, as what blocks inviting.
      if (suggestions.closed) {
        const closed = suggestions.closed;
        if (blockersOf(alliance.actions, "Invite").some((b) => b.code === closed)) return nothing;
        return html`<section class="card joint-suggestions" data-testid="suggestions" aria-labelledby="joint-suggestions-title">
          <h3 id="joint-suggestions-title">${t("jointBid.suggestions.title")}</h3>
          <p class="muted" data-testid="suggestions-closed" data-code=${closed}>${refusalText(closed, {}) ?? ""}</p>
        </section>`;
      }
      const model = suggestionsModel(suggestions, alliance, invitedHere, currentLanguage());
      if (!model.visible) return nothing;
      return html`<section class="card joint-suggestions" data-testid="suggestions" aria-labelledby="joint-suggestions-title">
        <div class="section-head">
          <h3 id="joint-suggestions-title">${t("jointBid.suggestions.title")}</h3>
          <span class="muted small" data-testid="suggestions-ranking">${t("jointBid.suggestions.ranking")}</span>
        </div>
        ${model.cover.length
          ? html`<div class="cover-set" data-testid="cover-set">
              <div class="section-head">
                <h4>${t("jointBid.suggestions.coverTitle")}</h4>
                ${model.inviteCover
                  ? html`<button type="button" class="primary" data-testid="invite-cover" ?disabled=${ctx.busy()}
                      @click=${() => void inviteAll(model.cover)}>${t("jointBid.suggestions.inviteAll")}</button>`
                  : nothing}
              </div>
              <p class="muted small" data-testid="cover-greedy">${t("jointBid.suggestions.greedy")}</p>
              <ul class="cover-firms">
                ${model.cover.map(
                  (row) => html`<li data-testid="cover-firm" data-firm-id=${row.id} data-invited=${row.invited ? "true" : "false"}>
                    <strong>${firmLink(row)}</strong>
                    ${row.invited ? html`<span class="badge status-invited">${t("jointBid.suggestions.invited")}</span>` : nothing}
                    ${codes(row.covers)}
                  </li>`,
                )}
              </ul>
            </div>`
          : nothing}
        ${model.ranked.length
          ? html`<ol class="suggestions-list">${model.ranked.map(suggestionView)}</ol>`
          : html`<p class="muted" data-testid="suggestions-none">${t("jointBid.suggestions.none")}</p>`}
        ${model.uncoverable.length
          ? html`<div class="alert warn" data-testid="uncoverable" data-count=${model.uncoverable.length}>
              <p class="small">${t("jointBid.suggestions.uncoverable")}
                ${model.uncoverable.map((c, i) => html`${i ? ", " : ""}<code data-code=${c.code}>${c.code}</code> ${c.label}`)}</p>
            </div>`
          : nothing}
        <p class="status ${status ? (status.ok ? "ok" : "error") : ""}" role="status" data-testid="suggestions-status">${status?.text() ?? ""}</p>
      </section>`;
    },
  };
}
