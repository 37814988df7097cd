// An alliance as the API returns it, for the tests of the alliance modules.
import type { AllianceDto, AllianceMemberDto } from "../../api/types";

export const LEAD = "aaaaaaaa-0000-0000-0000-000000000001";
export const MEMBER = "aaaaaaaa-0000-0000-0000-000000000002";
export const SUB = "aaaaaaaa-0000-0000-0000-000000000003";
export const INVITED = "aaaaaaaa-0000-0000-0000-000000000004";
export const SPACE = "22222222-2222-2222-2222-222222222222";

export function member(firmId: string, name: string, more: Partial<AllianceMemberDto> = {}): AllianceMemberDto {
  return {
    firmId,
    name,
    role: "Member",
    standing: "Active",
    acceptedAgreement: 2,
    agreementPending: false,
    reason: null,
    since: "2026-02-01T10:00:00Z",
    actions: { allowed: [], blocked: [] },
    logo: null,
    ...more,
  };
}

export function allianceDto(more: Partial<AllianceDto> = {}): AllianceDto {
  return {
    id: "bbbbbbbb-0000-0000-0000-000000000001",
    space: { id: SPACE, name: "Spazio Imprese Emilia" },
    tender: { id: "33333333-3333-3333-3333-333333333333", name: "Riqualificazione della scuola Verdi" },
    name: "RTI — Riqualificazione della scuola Verdi",
    lead: { id: LEAD, name: "Edil Rossi" },
    members: [
      member(LEAD, "Edil Rossi", { role: "Lead" }),
      member(MEMBER, "Impianti Bianchi"),
      member(SUB, "Verdi Serramenti", { role: "Subcontractor", acceptedAgreement: 1, agreementPending: true }),
      member(INVITED, "Neri Coperture", { standing: "Invited", acceptedAgreement: null }),
    ],
    agreement: { version: 2, text: "Accordo di raggruppamento…", publishedAt: "2026-02-02T10:00:00Z" },
    history: [],
    version: 7,
    myFirms: [LEAD],
    actions: { allowed: ["Invite", "PublishAgreement", "Watch"], blocked: [] },
    viewerFirms: [],
    updatedAt: "2026-02-02T10:00:00Z",
    ...more,
  };
}
