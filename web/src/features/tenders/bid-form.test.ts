import { coded } from "../../api/problem";
import { describe, expect, it } from "vitest";
import type { BidDto } from "../../api/types";
import { bidFormFrom, buildBidRequest, criterionOfError, emptyBidForm, lotOfError, saysWhatWasSent } from "./bid-form";
import { tenderDto } from "./test-fixtures";

const tender = tenderDto({ status: "Tendering" });

describe("the bid form", () => {
  it("sends a price for the lots given one, in the lot's currency, and an answer per quality criterion", () => {
    const form = emptyBidForm();
    form.prices[2] = "98.500,00";
    form.prices[1] = " ";
    form.answers[2] = "  Cantiere in 90 giorni.  ";
    expect(buildBidRequest(tender, form)).toEqual({
      errors: {},
      body: {
        lots: [{ lot: 2, price: { amount: 98500, currency: "EUR" } }],
        answers: [{ criterion: 2, text: "Cantiere in 90 giorni." }],
        documents: [],
      },
    });
  });

  it("leaves the bid's rules to the server and stops only a price that is not a number, keyed as the server keys it", () => {
    const form = emptyBidForm();
    expect(buildBidRequest(tender, form)).toEqual({ errors: {}, body: { lots: [], answers: [{ criterion: 2, text: "" }], documents: [] } });
    form.prices[1] = "0";
    form.prices[2] = "molto";
    expect(buildBidRequest(tender, form).errors).toEqual({ "lots[1].price.amount": [coded("input.notFinite")] });
  });

  it("tells which lot and which criterion an error is about", () => {
    const sent = { lots: [{ lot: 2, price: { amount: 1, currency: "EUR" } }, { lot: 5, price: { amount: 1, currency: "EUR" } }], answers: [], documents: [] };
    expect(lotOfError("lots[1].price.amount", sent)).toBe(5);
    expect(lotOfError("lots[0]", sent)).toBe(2);
    expect(lotOfError("answers[2]", sent)).toBeNull();
    expect(criterionOfError("answers[7]")).toBe(7);
    expect(criterionOfError("answers[0].criterion")).toBeNull();
  });

  it("fills in the firm's current bid", () => {
    const bid: BidDto = {
      bidId: "b",
      tenderId: tender.id,
      status: "Submitted",
      quotas: [],
      subcontracts: [],
        reliances: [],
      dgues: [],
      tenderers: [],
      lots: [{ lot: 1, price: { amount: 1200000.5, currency: "EUR" } }],
      answers: [{ criterion: 2, text: "Relazione" }],
      documents: [],
      receipt: null,
      matchesReceipt: true,
      updatedAt: "2026-02-20T10:00:00Z",
    };
    const form = bidFormFrom(bid, "it");
    expect(form.prices).toEqual({ 1: "1200000,5" });
    expect(buildBidRequest(tender, form).body.lots).toEqual([{ lot: 1, price: { amount: 1200000.5, currency: "EUR" } }]);
    expect(bidFormFrom(bid, "en").prices).toEqual({ 1: "1200000.5" });
  });

  it("knows a stored bid as the one sent when its answer was lost, and no other", () => {
    const stored: BidDto = {
      bidId: "b",
      tenderId: tender.id,
      status: "Submitted",
      quotas: [],
      subcontracts: [],
        reliances: [],
      dgues: [],
      tenderers: [],
      lots: [{ lot: 1, price: { amount: 500, currency: "EUR" } }, { lot: 2, price: { amount: 98500, currency: "EUR" } }],
      answers: [{ criterion: 2, text: "Cantiere in 90 giorni." }],
      documents: [{ id: "d1", name: "offerta.pdf", contentType: "application/pdf", size: 10, sha256: "a".repeat(64) }],
      receipt: null,
      matchesReceipt: true,
      updatedAt: "2026-02-20T10:00:00Z",
    };
    const sent = {
      lots: [{ lot: 2, price: { amount: 98500, currency: "EUR" } }, { lot: 1, price: { amount: 500, currency: "EUR" } }],
      answers: [{ criterion: 2, text: "Cantiere in 90 giorni." }],
      documents: ["d1", "d1"],
    };
    expect(saysWhatWasSent(stored, sent)).toBe(true);
    expect(saysWhatWasSent(stored, { ...sent, lots: [{ lot: 1, price: { amount: 500, currency: "EUR" } }] })).toBe(false);
    expect(saysWhatWasSent(stored, { ...sent, lots: [{ lot: 2, price: { amount: 98000, currency: "EUR" } }, { lot: 1, price: { amount: 500, currency: "EUR" } }] })).toBe(false);
    expect(saysWhatWasSent(stored, { ...sent, answers: [{ criterion: 2, text: "Altro" }] })).toBe(false);
    expect(saysWhatWasSent(stored, { ...sent, documents: [] })).toBe(false);
    expect(saysWhatWasSent({ ...stored, status: "Withdrawn" }, sent)).toBe(false);
  });
});
