// On a buyer's page, for its people: the spaces it publishes in (its request, the space admins' approval) and the
// mandates it gave their admins to draft, publish and manage its tenders there. Owners and Managers ask to publish
// in a space, and grant or revoke a mandate, as the server says per standing and per space not dealt with yet; every
// step is in the standing's history.
import { html, nothing } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { api } from "../../api/client";
import type { BuyerSpaceChoiceDto, BusinessKind, MemberRole, SpaceBuyerDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import type { Redraw } from "../../page";
import { loadErrorView, loadingView } from "../../views";
import { standingActions, standingView } from "../spaces/buyer-standing";

export function buyerSpaces(buyerId: string, redraw: Redraw) {
  let kind: BusinessKind | null = null;
  let role: MemberRole | null = null;
  let standings: SpaceBuyerDto[] | null = null;
  /** The spaces not dealt with yet where the viewer may ask for the buyer (none for its Viewers). */
  let choices: BuyerSpaceChoiceDto[] = [];
  let chosen = "";
  let failed = false;

  const load = latestOnly(
    () => Promise.all([api.buyerSpaces(buyerId), api.buyerSpaceChoices(buyerId)]),
    ([list, open]) => {
      standings = list;
      choices = open;
      failed = false;
      redraw();
    },
    () => {
      if (standings === null) failed = true;
      redraw();
    },
  );

  const shown = () => kind === "Buyer" && role !== null;

  function refresh(): void {
    if (shown()) load();
  }

  const { state, run: act } = standingActions(redraw, () => load(), (fresh) => {
    standings = [...(standings ?? []).filter((s) => s.space.id !== fresh.space.id), fresh];
    choices = choices.filter((c) => c.space.id !== fresh.space.id);
    chosen = "";
  });

  const ask = (spaceId: string) =>
    act(() => api.requestPublishing(spaceId, buyerId), (s) => t("buyers.done.request", { space: s.space.name }));
  const grant = (spaceId: string) =>
    act(() => api.grantMandate(buyerId, { spaceId }), (s) => t("buyers.done.grant", { space: s.space.name }));
  const revoke = (spaceId: string) =>
    act(() => api.revokeMandate(buyerId, spaceId), (s) => t("buyers.done.revokeMandate", { space: s.space.name }));

  // What the buyer's people may do with each standing comes with it (nothing, for its Viewers).
  const actions = (s: SpaceBuyerDto) => html`<div class="item-actions">
    ${allows(s.actions, "RequestPublishing")
      ? html`<button type="button" data-testid="buyer-ask-again" ?disabled=${state.busy} @click=${() => ask(s.space.id)}>${t("buyers.askAgain")}</button>`
      : nothing}
    ${allows(s.actions, "RevokeMandate")
      ? html`<button type="button" class="danger-outline" data-testid="mandate-revoke" ?disabled=${state.busy} @click=${() => revoke(s.space.id)}>
          ${t("buyers.revokeMandate")}</button>`
      : nothing}
    ${allows(s.actions, "GrantMandate")
      ? html`<button type="button" data-testid="mandate-grant" ?disabled=${state.busy} @click=${() => grant(s.space.id)}>${t("buyers.grant")}</button>`
      : nothing}
  </div>`;

  function newSpaceForm() {
    const open = choices.filter((c) => allows(c.actions, "RequestPublishing"));
    if (open.length === 0) return nothing;
    const mandates = open.find((c) => c.space.id === chosen && allows(c.actions, "GrantMandate")) !== undefined;
    return html`<form class="row" @submit=${(e: Event) => { e.preventDefault(); if (chosen) void ask(chosen); }}>
      <div class="field grow">
        <label for="buyer-space-choice">${t("buyers.chooseSpace")}</label>
        <select id="buyer-space-choice" data-testid="buyer-space-choice" .value=${live(chosen)}
          @change=${(e: Event) => { chosen = (e.target as HTMLSelectElement).value; redraw(); }}>
          <option value="">—</option>
          ${open.map((c) => html`<option value=${c.space.id}>${c.space.name} (${c.hostName})</option>`)}
        </select>
      </div>
      <button class="primary" type="submit" data-testid="buyer-ask" ?disabled=${state.busy || !chosen}>${t("buyers.ask")}</button>
      <button type="button" data-testid="buyer-ask-with-mandate" ?disabled=${state.busy || !mandates} @click=${() => mandates && grant(chosen)}>
        ${t("buyers.askWithMandate")}</button>
    </form>`;
  }

  return {
    setKind(next: BusinessKind): void {
      if (kind === next) return;
      kind = next;
      refresh();
    },
    setRole(next: MemberRole | null): void {
      role = next;
      refresh();
    },
    dispose: () => load.cancel(),
    view: () =>
      !shown()
        ? nothing
        : html`<section class="card" data-testid="buyer-spaces" aria-labelledby="buyer-spaces-title">
            <h2 id="buyer-spaces-title">${t("buyers.title")}</h2>
            <p class="muted small">${t("buyers.intro")}</p>
            ${failed
              ? loadErrorView()
              : standings === null
                ? loadingView()
                : html`${standings.length === 0
                    ? html`<p class="muted" data-testid="buyer-spaces-empty">${t("buyers.empty")}</p>`
                    : html`<ul class="admin-list">${[...standings].sort((a, b) => a.space.name.localeCompare(b.space.name))
                        .map((s) => standingView(s, "space", actions(s)))}</ul>`}
                  ${newSpaceForm()}`}
            <p class="status ${state.feedback?.ok ? "ok" : "error"}" role="status" aria-live="polite" data-testid="buyer-spaces-status">${state.feedback?.text() ?? ""}</p>
          </section>`,
  };
}
