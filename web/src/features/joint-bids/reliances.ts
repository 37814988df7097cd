// The joint bid's reliances (avvalimento) as the form builds them: who lends what to whom, and the request that
// replaces them all. The rules are the server's (RelianceRules); this only shapes what is typed.
import type { JointBidDto, RelianceDto, SaveReliancesRequest, TenderDto } from "../../api/types";
import { formatNumber, t } from "../../i18n";

type Reliance = NonNullable<SaveReliancesRequest["reliances"]>[number];

/** What the form holds: the lot, the relying firm, the auxiliary, and the category and class lent. */
export interface RelianceForm {
  lot: string;
  relyingFirmId: string;
  auxiliaryId: string;
  category: string;
  class: string;
}

export const emptyReliance = (): RelianceForm => ({ lot: "", relyingFirmId: "", auxiliaryId: "", category: "", class: "" });

/** The lots whose requirements allow avvalimento: only there may a firm rely on another's. */
export const avvalimentoLots = (tender: Pick<TenderDto, "lots">) => tender.lots.filter((l) => l.requirements?.avvalimentoAllowed);

/** The categories a lot asks for, prevailing first: what an auxiliary may lend there. */
export function lotCategories(tender: Pick<TenderDto, "lots">, lot: number): string[] {
  const r = tender.lots.find((l) => l.number === lot)?.requirements;
  if (!r) return [];
  return [...(r.prevailing ? [r.prevailing.category] : []), ...r.separable.map((s) => s.category)];
}

const asRequest = (r: RelianceDto): Reliance => ({
  lot: r.lot,
  auxiliaryId: r.auxiliary.id,
  relyingFirmId: r.relyingFirm.id,
  kind: r.kind,
  category: r.category ?? null,
  class: r.class ?? null,
  amount: r.amount ?? null,
  contractId: r.contract?.id ?? null,
});

/** The declared reliances with one more, from the version read: the server names a wrong field as `reliances[n]` (n the new one's index). */
export function addedRequest(bid: Pick<JointBidDto, "reliances" | "reliancesVersion">, tender: Pick<TenderDto, "lots">, form: RelianceForm): SaveReliancesRequest {
  const lot = Number(form.lot);
  const prevailing = tender.lots.find((l) => l.number === lot)?.requirements?.prevailing?.category === form.category;
  const added: Reliance = {
    lot,
    auxiliaryId: form.auxiliaryId,
    relyingFirmId: form.relyingFirmId,
    kind: prevailing ? "Prevailing" : "Separable",
    category: form.category,
    class: (form.class || null) as Reliance["class"],
    amount: null,
  };
  return { version: bid.reliancesVersion, reliances: [...bid.reliances.map(asRequest), added] };
}

/** The declared reliances with one's avvalimento contract linked (a document of the bid), or unlinked with "". */
export function contractRequest(bid: Pick<JointBidDto, "reliances" | "reliancesVersion">, index: number, contractId: string): SaveReliancesRequest {
  return {
    version: bid.reliancesVersion,
    reliances: bid.reliances.map((r, i) => (i === index ? { ...asRequest(r), contractId: contractId || null } : asRequest(r))),
  };
}

/** The declared reliances without one. */
export function removedRequest(bid: Pick<JointBidDto, "reliances" | "reliancesVersion">, index: number): SaveReliancesRequest {
  return { version: bid.reliancesVersion, reliances: bid.reliances.filter((_, i) => i !== index).map(asRequest) };
}

/** What a reliance lends, in words: "OS30 classe I", or an amount of turnover or similar work in euros. */
export function relianceWhat(r: Pick<RelianceDto, "kind" | "category" | "classLabel" | "amount">): string {
  if (r.category) return `${r.category} ${t("jointBid.reliances.classWord")} ${r.classLabel ?? ""}`.trimEnd();
  const amount = `${formatNumber(r.amount ?? 0, 2)} €`;
  return t(r.kind === "Turnover" ? "jointBid.reliances.turnover" : "jointBid.reliances.similarWork", { amount });
}
