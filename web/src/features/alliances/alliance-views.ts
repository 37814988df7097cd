// How an alliance's parts are shown: role and standing badges, where a firm stands with the agreement, the kind of
// alliance, the history. Shared by the alliance page and the lists of alliances (tender page, business page).
import { html, nothing } from "lit-html";
import type { AllianceDto, AllianceMemberDto, AllianceRole, AllianceStanding, AllianceSummaryDto } from "../../api/types";
import { currentLanguage, dictionaries, formatDateTime, t, type MessageKey } from "../../i18n";
import { href } from "../../router";
import { agreementState, eventKind } from "./alliance-rules";
import type { GoneReason } from "./alliance-context";

/** A day in short: "1 feb 2026". */
export function formatShortDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage() === "it" ? "it-IT" : "en-GB", { dateStyle: "medium" }).format(date);
}

export const roleBadge = (role: AllianceRole, testid?: string) =>
  html`<span class="badge alliance-role role-${role.toLowerCase()}" data-testid=${testid ?? nothing} data-role=${role}>${t(`allianceRole.${role}`)}</span>`;

/** A role inside a sentence: "invitata come mandante". */
export const roleInText = (role: AllianceRole): string => t(`allianceRole.${role}`).toLocaleLowerCase(currentLanguage());

export const standingBadge = (standing: AllianceStanding, testid?: string) =>
  html`<span class="badge alliance-standing standing-${standing.toLowerCase()}" data-testid=${testid ?? nothing}
    data-standing=${standing}>${t(`allianceStanding.${standing}`)}</span>`;

/** "accettato v2" or "da accettare", with the state in data-state for whoever reads the page. */
export function agreementStatusView(member: AllianceMemberDto, version: number) {
  const state = agreementState(member);
  return html`<span class="agreement-state ${state}" data-testid="member-agreement" data-state=${state}
    data-accepted=${member.acceptedAgreement ?? ""}>${state === "accepted"
      ? t("alliance.agreementAccepted", { version: member.acceptedAgreement ?? version })
      : t("alliance.agreementToAccept")}</span>`;
}

/** "RTI per la gara «…»" with the tender's link, or "Alleanza stabile (rete d'impresa)". */
export function kindView(alliance: Pick<AllianceDto, "tender">) {
  return alliance.tender
    ? html`${t("alliance.kindRti")} <a href=${href({ name: "tender", id: alliance.tender.id.toLowerCase() })}
        data-testid="alliance-tender">${alliance.tender.name}</a>`
    : t("alliance.kindStanding");
}

/** The same for a firm's list, which has the tender's title only. */
export function summaryKindView(s: AllianceSummaryDto) {
  return s.tenderId
    ? html`${t("alliance.kindRti")} <a href=${href({ name: "tender", id: s.tenderId.toLowerCase() })}>${s.tenderTitle ?? ""}</a>`
    : t("alliance.kindStanding");
}

/** An event this client does not know keeps the server's name for it. */
function eventText(kind: string, firm: string): string {
  const key = `allianceEvent.${kind}`;
  return Object.hasOwn(dictionaries.it, key) ? t(key as MessageKey, { firm }) : `${kind}: ${firm}`;
}

export function historyView(alliance: AllianceDto) {
  return html`<section class="card" aria-labelledby="alliance-history-title">
    <h2 id="alliance-history-title">${t("alliance.history")}</h2>
    <ol class="alliance-history" data-testid="alliance-history">
      ${alliance.history.map((event, i) => {
        const kind = eventKind(alliance.history, i);
        return html`<li data-testid="alliance-event" data-kind=${kind} data-firm-id=${event.firmId}>
          <time class="muted small" datetime=${event.at}>${formatDateTime(event.at)}</time>
          <span class="what">${eventText(kind, event.firmName)}</span>
          ${event.reason ? html`<span class="reason muted small">${t("alliance.reason", { reason: event.reason })}</span>` : nothing}
        </li>`;
      })}
    </ol>
  </section>`;
}

/** The viewer no longer sees the alliance (GET answers 404): what happened, and where to go. */
export function noAccessView(reason: GoneReason | "notFound") {
  return html`<section class="card narrow" data-testid="alliance-no-access" data-reason=${reason}>
    <h1>${t(reason === "notFound" ? "alliance.notFound" : "alliance.noAccess")}</h1>
    <p>${t(`alliance.gone.${reason}`)}</p>
    <p><a href=${href({ name: "myBusinesses" })}>${t("alliance.toMyBusinesses")}</a></p>
  </section>`;
}
