// The overview's word on the RTI's bid, for the people of its active firms: not submitted yet (and when bids close),
// submitted by the lead (when), and after the deadline its result per lot, read and shown as the tender page shows it
// (tenders/bid-result.ts). Read when the page opens, when the alliance's group is joined again, when the joint bid
// changes in a way its messages do not carry (a submission or a withdrawal), and when the tender moves on (its bids
// close, the buyer decides a lot): the page follows the tender's group for that, so an award shows without a reload.
import { html, nothing } from "lit-html";
import { api } from "../../api/client";
import type { AllianceDto, SoccorsoDto, TenderDto } from "../../api/types";
import { t } from "../../i18n";
import { latestOnly } from "../../latest";
import { watchTender } from "../../realtime/hub";
import { loadErrorView } from "../../views";
import { rtiBidOf, rtiBidView, type RtiBid } from "../tenders/bid-result";
import { soccorsoAnswers, soccorsoOf } from "../soccorso/soccorso-answers";
import type { AllianceContext } from "./alliance-context";
import { canWatch } from "./alliance-rules";

export function allianceBidOutcome(ctx: AllianceContext) {
  /** With the buyer's soccorso istruttorio requests to the RTI's bid, once the bids are opened. */
  let shown: { tender: TenderDto; bid: RtiBid; soccorso: SoccorsoDto[] } | null = null;
  let failed = false;
  /** Whether the first read has been asked for. */
  let started = false;
  let unwatchTender: (() => void) | null = null;
  const answers = soccorsoAnswers(ctx.redraw, () => {
    const alliance = ctx.alliance();
    if (alliance?.tender) load(alliance.id, alliance.tender.id);
  });

  const load = latestOnly(
    async (allianceId: string, tenderId: string) => {
      const tender = await api.tender(tenderId);
      const bid = await rtiBidOf(allianceId, tender);
      return { tender, bid, soccorso: bid.receipt && tender.bidsOpened ? await soccorsoOf(tenderId, allianceId) : [] };
    },
    (fresh) => {
      shown = fresh;
      failed = false;
      ctx.redraw();
    },
    () => {
      failed = shown === null;
      ctx.redraw();
    },
  );

  function stop(): void {
    unwatchTender?.();
    unwatchTender = null;
  }

  /** Only an RTI's active firms' people read its joint bid. */
  const wanted = (alliance: AllianceDto): boolean => alliance.tender !== null && canWatch(alliance);

  return {
    load(alliance: AllianceDto): void {
      if (wanted(alliance)) load(alliance.id, alliance.tender!.id);
    },
    /**
     * The alliance as now shown: read the bid the first time the viewer may (on opening, or once their firm joins),
     * and again on every change of the tender, which also changes what the alliance's firms may do (once bids close,
     * nobody joins, leaves or takes the lead): the alliance is read again with it.
     */
    follow(alliance: AllianceDto): void {
      if (!wanted(alliance)) {
        stop();
        return;
      }
      if (!started) {
        started = true;
        load(alliance.id, alliance.tender!.id);
      }
      if (unwatchTender) return;
      const [allianceId, tenderId] = [alliance.id, alliance.tender!.id];
      unwatchTender = watchTender(tenderId, {
        changed: () => {
          load(allianceId, tenderId);
          ctx.reload();
        },
        // Changes sent while the group was not joined are lost: read once it is (again).
        state: (state) => {
          if (state === "connected") load(allianceId, tenderId);
        },
      });
    },
    /** The viewer no longer sees the alliance. */
    stop,
    dispose(): void {
      stop();
      load.cancel();
    },
    view(alliance: AllianceDto) {
      if (!wanted(alliance) || (!shown && !failed)) return nothing;
      return html`<section class="card rti-bid" data-testid="alliance-bid-outcome" aria-labelledby="alliance-bid-outcome-title">
        <h2 id="alliance-bid-outcome-title">${t("rtiBid.title")}</h2>
        ${shown ? rtiBidView(shown.tender, alliance.lead.name, shown.bid) : loadErrorView()}
        ${shown ? answers.view({ tenderId: shown.tender.id, bidderId: alliance.id, lead: { id: alliance.lead.id, name: alliance.lead.name },
          canAnswer: ["Owner", "Manager"].includes(ctx.roles().get(alliance.lead.id.toLowerCase()) ?? ""), requests: shown.soccorso }, Date.now()) : nothing}
      </section>`;
    },
  };
}
