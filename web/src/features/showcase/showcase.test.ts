import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toApiError } from "../../api/problem";
import type { EndorserDto, MemberRole, ShowcaseDto } from "../../api/types";
import { fieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import {
  answerableFor,
  buildShowcaseRequest,
  emptyShowcaseForm,
  endorsers,
  formatMoney,
  isOwnPeople,
  parseAmount,
} from "./showcase";

const ROSSI = "11111111-1111-1111-1111-111111111111";
const BIANCHI = "22222222-2222-2222-2222-222222222222";
const VERDI = "33333333-3333-3333-3333-333333333333";

function project(id: string, publisherId: string, partners: [string, "Pending" | "Confirmed" | "Declined"][], verified: boolean): ShowcaseDto {
  return {
    id,
    publisherId,
    publisherName: "Publisher",
    title: `Project ${id}`,
    description: null,
    client: null,
    year: 2024,
    value: null,
    cpv: [],
    partners: partners.map(([firmId, confirmation]) => ({ firmId, firmName: firmId, confirmation, reason: null })),
    verified,
    verification: verified ? { by: "Association", verifierId: VERDI, verifierName: "Associazione", at: "2026-01-01T00:00:00Z" } : null,
    version: 1,
    publishedAt: "2025-01-01T00:00:00Z",
    actions: { allowed: [], blocked: [] },
    viewerFirms: [],
  };
}

const roles = (entries: [string, MemberRole][]) => new Map(entries.map(([id, role]) => [id.toLowerCase(), role]));

describe("showcase requests", () => {
  it("builds the publish request from the form, trimming and sending codes and ids", () => {
    const built = buildShowcaseRequest(ROSSI, {
      ...emptyShowcaseForm(),
      title: "  Scuola Verdi  ",
      description: " ",
      client: " Comune di Milano ",
      year: "2023",
      amount: "1.250.000,50",
      currency: "eur",
      cpv: [{ code: "45210000-2", labelIt: "Lavori", labelEn: "Works" }],
      partners: [{ id: BIANCHI, name: "Impianti Bianchi" }],
    });
    expect(built).toEqual({
      body: {
        firmId: ROSSI,
        title: "Scuola Verdi",
        description: null,
        client: "Comune di Milano",
        year: 2023,
        value: { amount: 1250000.5, currency: "EUR" },
        cpv: ["45210000-2"],
        partners: [BIANCHI],
      },
    });
  });

  it("sends no value when no amount is given, and year 0 when none is", () => {
    const built = buildShowcaseRequest(ROSSI, { ...emptyShowcaseForm(), title: "Ponte" });
    expect("body" in built && built.body.value).toBeNull();
    expect("body" in built && built.body.year).toBe(0);
  });

  it("refuses an amount that is not a number, with the server's field name", () => {
    expect(buildShowcaseRequest(ROSSI, { ...emptyShowcaseForm(), amount: "tanti" })).toEqual({
      errors: { "value.amount": [{ code: "money.amount", args: {}, message: "" }] },
    });
  });

  it("reads amounts written in either language", () => {
    expect(parseAmount("12,5")).toBe(12.5);
    expect(parseAmount("12.5")).toBe(12.5);
    expect(parseAmount("1.000")).toBe(1000);
    expect(parseAmount("1,234.56")).toBe(1234.56);
    expect(parseAmount("1 000 000")).toBe(1000000);
    expect(parseAmount("€ 300")).toBe(300);
    expect(parseAmount("-5")).toBeNaN();
    expect(parseAmount("")).toBeNaN();
  });

});

describe("money and messages", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => vi.unstubAllGlobals());

  it("formats money in the UI's language", () => {
    const it = formatMoney({ amount: 1250000, currency: "EUR" }, "it");
    expect(it).toContain("1.250.000");
    expect(it).toContain("€");
    expect(formatMoney({ amount: 1250000.5, currency: "EUR" }, "en")).toBe("€1,250,000.50");
    expect(formatMoney({ amount: 99, currency: "USD" }, "en")).toBe("US$99");
  });

  it("writes an unknown currency code after the amount", () => {
    expect(formatMoney({ amount: 10, currency: "X1" }, "en")).toBe("10 X1");
  });

  it("translates the showcase form's errors by their codes", () => {
    setLanguage("en");
    const errors = toApiError(400, {
      status: 400,
      code: "input.invalidFields",
      errors: { title: ["The title is required."], year: ["The year is between 1950 and 2026."], "cpv[0]": ["'99999999' is not a CPV 2008 code."] },
      errorCodes: {
        title: [{ code: "showcase.titleLength", args: { min: "3", max: "200" } }],
        year: [{ code: "showcase.year", args: { min: "1950", max: "2026" } }],
        "value.amount": [{ code: "money.amount", args: {} }],
        "value.currency": [{ code: "money.currency", args: {} }],
        "cpv[0]": [{ code: "cpv.unknown", args: { code: "99999999" } }],
        "partners[0]": [{ code: "showcase.noSuchFirm", args: {} }],
        text: [{ code: "endorsement.textLength", args: { max: "1000" } }],
      },
    }).errors;
    expect(fieldMessages(errors, "title")).toEqual(["The title is required and must be 3 to 200 characters long."]);
    expect(fieldMessages(errors, "year")).toEqual(["Give a year from 1950 to 2026: the showcase holds completed work."]);
    expect(fieldMessages(errors, "value")).toEqual([
      "A positive amount with at most two decimals.",
      "A three-letter ISO 4217 currency code, such as EUR.",
    ]);
    expect(fieldMessages(errors, "cpv")).toEqual(["99999999 is not a CPV 2008 code: remove it and pick one from the list."]);
    expect(fieldMessages(errors, "partners")).toEqual(["A partner must be another registered firm."]);
    expect(fieldMessages(errors, "text")).toEqual(["The endorsement can be at most 1,000 characters long."]);
    setLanguage("it");
    expect(fieldMessages(errors, "title")).toEqual(["Il titolo è obbligatorio e deve avere da 3 a 200 caratteri."]);
    expect(fieldMessages(errors, "text")).toEqual(["La referenza può avere al massimo 1000 caratteri."]);
  });
});

describe("what the server says the viewer may do", () => {
  const answering = (firmId: string) => ({ firmId, actions: { allowed: ["Answer" as const], blocked: [] } });

  it("asks for the answers the project lets the viewer give that are still awaited", () => {
    const p = { ...project("p1", ROSSI, [[BIANCHI, "Pending"], [VERDI, "Confirmed"]], false), viewerFirms: [answering(BIANCHI), answering(VERDI)] };
    expect(answerableFor(p)).toEqual([BIANCHI]); // Verdi has answered: the page does not ask again.
    const viewer = { ...p, viewerFirms: [{ firmId: BIANCHI, actions: { allowed: [], blocked: [] } }] };
    expect(answerableFor(viewer)).toEqual([]);
  });

  it("offers to endorse for the firms the endorsements allow, not those told they already do", () => {
    const firm = (firmId: string, allowed: boolean): EndorserDto => ({
      firmId,
      firmName: firmId,
      projects: allowed ? [{ id: "p2", title: "Project p2", year: 2024 }] : [],
      actions: allowed
        ? { allowed: ["Endorse"], blocked: [] }
        : { allowed: [], blocked: [{ action: "Endorse", code: "endorsement.alreadyEndorses", args: {} }] },
    });
    expect(endorsers({ items: [], endorsers: [firm(BIANCHI, true), firm(VERDI, false)] }).map((e) => e.firmId)).toEqual([BIANCHI]);
  });

  it("knows the firm's own people", () => {
    expect(isOwnPeople(ROSSI, roles([[ROSSI, "Viewer"]]))).toBe(true);
    expect(isOwnPeople(ROSSI.toUpperCase(), roles([[ROSSI, "Viewer"]]))).toBe(true);
    expect(isOwnPeople(ROSSI, roles([[BIANCHI, "Owner"]]))).toBe(false);
  });
});
