// A joint bid as the API returns it, for the tests of the joint bid modules; its alliance is that of the alliance
// modules' fixtures (the lead Edil Rossi, the member Impianti Bianchi, the subcontractor Verdi Serramenti).
import type { JointBidDto, WorkPackageDto } from "../../api/types";
import { LEAD, MEMBER, SUB } from "../alliances/test-fixtures";

export const ALLIANCE = "bbbbbbbb-0000-0000-0000-000000000001";
export const DIGEST = "a".repeat(64);

export const firm = (id: string) =>
  ({ [LEAD]: { id: LEAD, name: "Edil Rossi" }, [MEMBER]: { id: MEMBER, name: "Impianti Bianchi" }, [SUB]: { id: SUB, name: "Verdi Serramenti" } })[id] ?? {
    id,
    name: id,
  };

export function workPackage(id: string, more: Partial<WorkPackageDto> = {}): WorkPackageDto {
  return {
    id,
    title: `Pacchetto ${id}`,
    lot: 1,
    description: null,
    firm: firm(LEAD),
    price: { amount: 1000, currency: "EUR" },
    version: 1,
    actions: { allowed: ["Edit", "Delete", "Reassign"], blocked: [] },
    ...more,
  };
}

export function jointBidDto(more: Partial<JointBidDto> = {}): JointBidDto {
  return {
    allianceId: ALLIANCE,
    tenderId: "33333333-3333-3333-3333-333333333333",
    workPackages: [],
    answers: [],
    documents: [],
    lotPrices: [],
    shares: [],
    digest: DIGEST,
    signOffs: [],
    awaitingSignature: [firm(LEAD), firm(MEMBER)],
    receipt: null,
    changedSinceSubmission: false,
    version: 1,
    updatedAt: "2026-02-20T10:00:00Z",
    actions: { allowed: ["Edit"], blocked: [{ action: "Submit", code: "jointBid.unsigned", args: { count: "2" } }] },
    viewerFirms: [{ firmId: LEAD, actions: { allowed: ["Sign", "Attach"], blocked: [] } }],
    window: "Open",
    documentsLeft: 20,
    packageFirms: [firm(LEAD), firm(MEMBER)],
    quotas: [],
    quotasVersion: 0,
    subcontracts: [],
    subcontractsVersion: 0,
    quotaWarnings: [],
    reliances: [],
    reliancesVersion: 0,
    ...more,
  };
}
