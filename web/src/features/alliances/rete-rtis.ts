// A rete d'impresa's page at work: "Partecipa con la rete" (its lead's Owners and Managers pick an open tender of the
// space; POST /api/alliances/{id}/rti forms the RTI in one step, its firms invited, and the page opens it) and the RTIs
// the rete formed with how far each got (GET /api/alliances/{id}/rtis, for its active firms' people). Whether the rete
// may bid for the chosen tender is the server's to say (ReteRti.Check): a refusal is shown as its text.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, ReteRtiDto, TenderSummaryDto } from "../../api/types";
import { allows } from "../../api/viewer-actions";
import { t, tn } from "../../i18n";
import { describeRefusal } from "../../i18n/refusals";
import { latestOnly } from "../../latest";
import { href, navigate } from "../../router";
import { loadErrorView, loadingView } from "../../views";
import { isOpen } from "../tenders/status";
import type { AllianceContext } from "./alliance-context";
import { canWatch } from "./alliance-rules";

/** The rete's RTIs and its "bid as the network" form: a standing alliance only, for the people of its active firms. */
export const reteShown = (a: AllianceDto): boolean => a.tender == null && canWatch(a);

export function stageText(rti: Pick<ReteRtiDto, "stage" | "lotsWon">): string {
  return rti.stage === "LotsWon" ? tn("rete.stage.LotsWon", rti.lotsWon) : t(`rete.stage.${rti.stage}`);
}

export function reteRtis(ctx: AllianceContext) {
  let rtis: ReteRtiDto[] | null = null;
  let tenders: TenderSummaryDto[] | null = null;
  let failed = false;
  let tenderId = "";
  let sending = false;
  let refusal: (() => string) | null = null;

  const loadRtis = latestOnly(
    (id: string) => api.reteRtis(id),
    (read) => {
      rtis = read;
      failed = false;
      ctx.redraw();
    },
    () => {
      failed = true;
      ctx.redraw();
    },
  );

  // The space's tenders still taking bids; which of them the rete may bid for now is judged on sending.
  const loadTenders = latestOnly(
    (spaceId: string) => api.spaceTenders(spaceId),
    (read) => {
      tenders = read.filter((x) => isOpen(x.status));
      ctx.redraw();
    },
    () => {
      tenders = [];
      ctx.redraw();
    },
  );

  async function bid(e: SubmitEvent, a: AllianceDto, offered: readonly TenderSummaryDto[]): Promise<void> {
    e.preventDefault();
    if (sending) return;
    const chosen = offered.some((x) => x.id === tenderId) ? tenderId : offered[0]!.id;
    sending = true;
    refusal = null;
    ctx.redraw();
    try {
      const rti = await api.formRtiFromRete(a.id, chosen);
      navigate({ name: "alliance", id: rti.id.toLowerCase() });
    } catch (error) {
      const text = describeRefusal(error);
      refusal = () => text;
      loadTenders(a.space.id);
    } finally {
      sending = false;
      ctx.redraw();
    }
  }

  function formView(a: AllianceDto) {
    if (tenders === null) return loadingView();
    if (tenders.length === 0) return html`<p class="muted" data-testid="rete-bid-none">${t("rete.bid.noTenders")}</p>`;
    const offered = tenders;
    const selected = offered.some((x) => x.id === tenderId) ? tenderId : offered[0]!.id;
    return html`<form class="rete-bid-form" novalidate @submit=${(e: SubmitEvent) => void bid(e, a, offered)}>
      <div class="field">
        <label for="rete-bid-tender">${t("rete.bid.tender")}</label>
        <select id="rete-bid-tender" data-testid="rete-bid-tender" @change=${(e: Event) => (tenderId = (e.target as HTMLSelectElement).value)}>
          ${offered.map((x) => html`<option value=${x.id} ?selected=${x.id === selected}>${x.title}</option>`)}
        </select>
      </div>
      <button type="submit" class="primary" data-testid="rete-bid-submit" ?disabled=${sending}>${t("rete.bid.submit")}</button>
    </form>`;
  }

  function rtiView(rti: ReteRtiDto) {
    return html`<li class="alliance-item" data-testid="rete-rti" data-alliance-id=${rti.id} data-stage=${rti.stage}>
      <div class="title-row">
        <a class="name" href=${href({ name: "alliance", id: rti.id.toLowerCase() })}>${rti.name}</a>
        <span class="badge" data-testid="rete-rti-stage">${stageText(rti)}</span>
      </div>
      <p class="meta"><span>${t("rete.rtis.tender")} <a href=${href({ name: "tender", id: rti.tender.id.toLowerCase() })}>${rti.tender.name}</a></span></p>
    </li>`;
  }

  return {
    follow(a: AllianceDto): void {
      if (!reteShown(a)) return;
      loadRtis(a.id);
      if (allows(a.actions, "FormRti") && tenders === null) loadTenders(a.space.id);
    },
    dispose(): void {
      loadRtis.cancel();
      loadTenders.cancel();
    },
    view(a: AllianceDto) {
      if (!reteShown(a)) return nothing;
      return html`${allows(a.actions, "FormRti")
          ? html`<section class="card rete-bid" data-testid="rete-bid" aria-labelledby="rete-bid-title">
              <h2 id="rete-bid-title">${t("rete.bid.title")}</h2>
              <p class="muted small">${t("rete.bid.intro")}</p>
              ${formView(a)}
              <p class="status ${refusal ? "error" : ""}" role="status" data-testid="rete-bid-status">${refusal?.() ?? ""}</p>
            </section>`
          : nothing}
        <section class="card" data-testid="rete-rtis" aria-labelledby="rete-rtis-title">
          <div class="section-head">
            <h2 id="rete-rtis-title">${t("rete.rtis.title")}
              ${rtis ? html`<span class="count">${rtis.length}</span>` : nothing}</h2>
            <span class="muted small">${t("rete.rtis.intro")}</span>
          </div>
          ${failed
            ? loadErrorView()
            : rtis === null
              ? loadingView()
              : rtis.length
                ? html`<ul class="alliance-list">${rtis.map(rtiView)}</ul>`
                : html`<p class="muted" data-testid="rete-rtis-empty">${t("rete.rtis.empty")}</p>`}
        </section>`;
    },
  };
}
