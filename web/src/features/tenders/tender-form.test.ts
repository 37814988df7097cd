import { coded } from "../../api/problem";

import { afterAll, describe, expect, it, vi } from "vitest";
import { BUYER, SPACE, tenderDto } from "./test-fixtures";
import {
  amountInput,
  buildAmendRequest,
  buildDraftRequest,
  buildEditRequest,
  criteriaSummary,
  eligibilityLines,
  emptyCategory,
  emptyCriterion,
  emptyTenderForm,
  formFromTender,
  quotedTenderRequest,
  setCriteriaMode,
  typedCpvCode,
  type TenderForm,
} from "./tender-form";

// Node reads TZ whenever it changes; the deadlines are typed and shown in the browser's zone, here Italy's.
vi.stubEnv("TZ", "Europe/Rome");
afterAll(() => vi.unstubAllEnvs());

function filled(): TenderForm {
  const form = emptyTenderForm("Prezzo");
  form.spaces = [SPACE];
  form.title = "  Manutenzione strade  ";
  form.description = " ";
  const lot = form.lots[0]!;
  lot.title = " Asfalti ";
  lot.cpv = [{ code: "45233142-6", labelIt: "Riparazione di strade", labelEn: "Road-repair works" }];
  lot.value = "1.250.000,50";
  lot.comune = { code: "036023", label: "Modena (MO)" };
  form.eligibility = "Iscrizione alla CCIAA\n\n  Attestazione SOA OG3  \n";
  form.enquiryDeadline = "2026-02-15T12:00";
  form.submissionDeadline = "2026-03-02T12:00";
  form.contractStart = "2026-04-01";
  return form;
}

describe("the tender form's requests", () => {
  it("builds a new draft: trimmed texts, amounts read in Italian, local deadlines with their offset", () => {
    const { body, errors } = buildDraftRequest(BUYER, filled());
    expect(errors).toEqual({});
    expect(body).toEqual({
      buyerId: BUYER,
      spaces: [SPACE],
      title: "Manutenzione strade",
      description: null,
      lots: [
        {
          number: 0,
          title: "Asfalti",
          description: null,
          cpv: ["45233142-6"],
          estimatedValue: { amount: 1250000.5, currency: "EUR" },
          comuneCode: "036023",
          requirements: null,
        },
      ],
      eligibility: ["Iscrizione alla CCIAA", "Attestazione SOA OG3"],
      criteria: [{ number: 0, name: "Prezzo", kind: "Price", weight: 100 }],
      enquiryDeadline: "2026-02-15T12:00:00+01:00",
      submissionDeadline: "2026-03-02T12:00:00+01:00",
      contractStart: "2026-04-01",
      contractEnd: null,
      disclosesBidCount: false,
      documents: [],
    });
  });

  it("counts a full CPV code typed without picking it", () => {
    const form = filled();
    form.lots[0]!.cpv = [];
    const { body } = buildDraftRequest(BUYER, form, () => "45233142");
    expect(body.lots?.[0]?.cpv).toEqual(["45233142"]);
    expect(typedCpvCode(" 45233142-6 ")).toBe("45233142-6");
    expect(typedCpvCode("strade")).toBeNull();
    expect(typedCpvCode("4523")).toBeNull();
  });

  it("refuses an amount or a weight it cannot read, keyed as the server keys them", () => {
    const form = filled();
    form.lots[0]!.value = "tanti";
    setCriteriaMode(form, "weighted");
    form.criteria[1]!.weight = "12,5";
    expect(buildDraftRequest(BUYER, form).errors).toEqual({
      "lots[0].estimatedValue.amount": [coded("money.amount")],
      "criteria[1].weight": [coded("tender.criterionWeight")],
    });
  });

  it("sends missing deadlines as null, for the server to ask for them", () => {
    const form = filled();
    form.enquiryDeadline = "";
    expect(buildDraftRequest(BUYER, form).body.enquiryDeadline).toBeNull();
  });

  it("edits a draft keeping the numbers of its lots and criteria", () => {
    const form = formFromTender(tenderDto(), "it");
    expect(form.lots[0]?.value).toBe("1250000,5");
    const { body } = buildEditRequest(form);
    expect(body.version).toBe(3);
    expect(body.spaces).toEqual([SPACE]);
    expect(body.lots?.map((l) => l.number)).toEqual([1, 2]);
    expect(body.lots?.[0]?.estimatedValue).toEqual({ amount: 1250000.5, currency: "EUR" });
    expect(body.criteria).toEqual([
      { number: 1, name: "Prezzo", kind: "Price", weight: 30 },
      { number: 2, name: "Qualità tecnica", kind: "Quality", weight: 70 },
    ]);
    expect(body.enquiryDeadline).toBe("2026-02-15T12:00:00+01:00");
    expect(body.documents).toEqual(["44444444-4444-4444-4444-444444444444"]);
  });

  it("amends with a summary and no spaces", () => {
    const { body } = buildAmendRequest(formFromTender(tenderDto({ status: "Enquiries" })), { summary: " Nuovo termine ", material: true });
    expect(body).toMatchObject({ version: 3, summary: "Nuovo termine", material: true });
    expect("spaces" in body).toBe(false);
  });

  it("quotes documents by file name in error messages", () => {
    const form = formFromTender(tenderDto());
    expect(quotedTenderRequest(buildEditRequest(form).body, form).documents).toEqual(["Capitolato.pdf"]);
  });

  it("shows amounts in the UI's language, without grouping, so that they read back the same", () => {
    expect(amountInput(1250000.5, "it")).toBe("1250000,5");
    expect(amountInput(1250000.5, "en")).toBe("1250000.5");
    expect(amountInput(1180, "en")).toBe("1180");
    expect(amountInput(0.25, "it")).toBe("0,25");
  });

  it("reads requirements one per line", () => {
    expect(eligibilityLines(" a \n\n b\r\n")).toEqual(["a", "b"]);
  });
});

describe("the criteria", () => {
  it("reads a tender with one price criterion as price only", () => {
    const form = formFromTender(tenderDto({ criteria: [{ number: 4, name: "Prezzo più basso", kind: "Price", weight: 100 }] }));
    expect(form.mode).toBe("price");
    expect(buildEditRequest(form).body.criteria).toEqual([{ number: 4, name: "Prezzo più basso", kind: "Price", weight: 100 }]);
  });

  it("starts the weighted criteria from the price and one quality criterion, keeping the price's number both ways", () => {
    const form = formFromTender(tenderDto({ criteria: [{ number: 4, name: "Prezzo", kind: "Price", weight: 100 }] }));
    setCriteriaMode(form, "weighted");
    expect(form.criteria.map((c) => [c.number, c.kind, c.weight])).toEqual([
      [4, "Price", "30"],
      [0, "Quality", "70"],
    ]);
    form.criteria[0]!.name = "Ribasso";
    setCriteriaMode(form, "price");
    expect(form.price).toEqual({ number: 4, name: "Ribasso" });
  });

  it("keeps a running sum and says what is missing", () => {
    const rows = [emptyCriterion("Price", "Prezzo", "30"), emptyCriterion("Quality", "Qualità", "60")];
    expect(criteriaSummary(rows)).toEqual({ sum: 90, priceCount: 1, hint: { key: "sum", missing: 10 } });
    rows[1]!.weight = "75";
    expect(criteriaSummary(rows).hint).toEqual({ key: "over", extra: 5 });
    rows[1]!.weight = "70";
    expect(criteriaSummary(rows).hint).toBeNull();
    rows[1]!.kind = "Price";
    expect(criteriaSummary(rows).hint).toEqual({ key: "price" });
    // A weight being typed that is not a whole number does not count yet.
    expect(criteriaSummary([emptyCriterion("Price", "", "30"), emptyCriterion("Quality", "", "7,5")]).sum).toBe(30);
  });
});

describe("a lot's requirements", () => {
  it("sends the works categories with their amounts in either notation, and the subcontracting share", () => {
    const form = filled();
    const r = form.lots[0]!.requirements;
    r.prevailing = { ...emptyCategory(), category: "OG1", amount: "850.000" };
    r.separable = [{ ...emptyCategory(), category: "OS30", amount: "200000,00", maySubcontract: false }];
    r.subcontracting = true;
    r.subcontractPercent = " 30 ";
    r.avvalimento = true;

    const { body, errors } = buildDraftRequest(BUYER, form);

    expect(errors).toEqual({});
    expect(body.lots?.[0]?.requirements).toEqual({
      prevailing: { category: "OG1", amount: 850000, maySubcontract: true },
      separable: [{ category: "OS30", amount: 200000, maySubcontract: false }],
      subcontractingMaxPercent: 30,
      minTurnover: null,
      minSimilarWork: null,
      avvalimentoAllowed: true,
    });
  });

  it("sends no subcontracting share unless it is allowed, and turnover thresholds for services", () => {
    const form = filled();
    const r = form.lots[0]!.requirements;
    r.subcontractPercent = "30";
    r.minTurnover = "400.000";

    expect(buildDraftRequest(BUYER, form).body.lots?.[0]?.requirements).toEqual({
      prevailing: null,
      separable: [],
      subcontractingMaxPercent: null,
      minTurnover: 400000,
      minSimilarWork: null,
      avvalimentoAllowed: false,
    });
  });

  it("names an amount or a share that is not a number under its field, as the server would", () => {
    const form = filled();
    const r = form.lots[0]!.requirements;
    r.prevailing = { ...emptyCategory(), category: "OG1", amount: "molto" };
    r.subcontracting = true;
    r.subcontractPercent = "trenta";

    expect(buildDraftRequest(BUYER, form).errors).toEqual({
      "lots[0].requirements.prevailing.amount": [coded("money.nonZeroAmount")],
      "lots[0].requirements.subcontractingMaxPercent": [coded("qualification.subcontractPercent")],
    });
  });

  it("reads a tender's requirements back into the form", () => {
    const tender = tenderDto();
    tender.lots[0]!.requirements = {
      prevailing: { category: "OG1", categoryIt: "Edifici", categoryEn: "Buildings", amount: 850000, class: "III", classLabel: "III", classAmount: 1033000, maySubcontract: true },
      separable: [{ category: "OS30", categoryIt: "Impianti", categoryEn: "Installations", amount: 200000, class: "I", classLabel: "I", classAmount: 258000, maySubcontract: false }],
      subcontractingMaxPercent: 30,
      minTurnover: null,
      minSimilarWork: null,
      avvalimentoAllowed: true,
    };

    const r = formFromTender(tender, "it").lots[0]!.requirements;

    expect([r.prevailing.category, r.prevailing.amount, r.subcontracting, r.subcontractPercent, r.avvalimento]).toEqual(["OG1", "850000", true, "30", true]);
    expect(r.separable.map((s) => [s.category, s.amount, s.maySubcontract])).toEqual([["OS30", "200000", false]]);
  });
});
