// A tender as the API returns it, for the tests of the tender modules.
import type { TenderDto } from "../../api/types";

export const BUYER = "11111111-1111-1111-1111-111111111111";
export const SPACE = "22222222-2222-2222-2222-222222222222";

export function tenderDto(more: Partial<TenderDto> = {}): TenderDto {
  return {
    id: "33333333-3333-3333-3333-333333333333",
    buyer: { id: BUYER, name: "Comune di Modena" },
    spaces: [{ id: SPACE, name: "Spazio Imprese Emilia" }],
    title: "Riqualificazione della scuola Verdi",
    description: "Lavori di efficientamento energetico.",
    lots: [
      {
        number: 1,
        title: "Opere edili",
        description: null,
        cpv: [{ code: "45210000-2", labelIt: "Lavori di costruzione di edifici", labelEn: "Building construction work" }],
        estimatedValue: { amount: 1250000.5, currency: "EUR" },
        comuneCode: "036023",
        comuneName: "Modena",
        currency: "EUR",
        requirements: null,
      },
      {
        number: 2,
        title: "Impianti",
        description: "Impianti elettrici",
        cpv: [{ code: "45310000-3", labelIt: "Lavori di installazione elettrica", labelEn: "Electrical installation work" }],
        estimatedValue: null,
        comuneCode: null,
        comuneName: null,
        currency: "EUR",
        requirements: null,
      },
    ],
    eligibility: ["Iscrizione alla CCIAA", "Attestazione SOA OG1"],
    criteria: [
      { number: 1, name: "Prezzo", kind: "Price", weight: 30 },
      { number: 2, name: "Qualità tecnica", kind: "Quality", weight: 70 },
    ],
    enquiryDeadline: "2026-02-15T11:00:00Z",
    submissionDeadline: "2026-03-02T11:00:00Z",
    contractStart: "2026-04-01",
    contractEnd: null,
    disclosesBidCount: false,
    documents: [{ id: "44444444-4444-4444-4444-444444444444", name: "Capitolato.pdf", contentType: "application/pdf", size: 2048, sha256: "ab" }],
    status: "Draft",
    version: 3,
    amendments: [],
    questions: [],
    receiptCount: null,
    decisions: [],
    cancelReason: null,
    publishedAt: null,
    updatedAt: "2026-02-01T10:00:00Z",
    actions: { allowed: ["Edit", "Publish", "Cancel"], blocked: [] },
    viewerFirms: [],
    bidsOpened: false,
    external: null,
    ...more,
  };
}
