import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, UNCODED, coded, toApiError } from "./api/problem";
import { setLanguage } from "./i18n";
import { describeFieldError, fieldMessages, fieldMessagesAt, otherFieldMessages } from "./field-errors";
import { describeRefusal } from "./i18n/refusals";

// What the server answers to PUT /api/businesses/{id}/profile with bad input (see ProfileRules.cs).
const profileErrors = toApiError(400, {
  status: 400,
  code: "input.invalidFields",
  errors: {
    name: ["The name is required and must be 2 to 200 characters long."],
    "capabilities[1]": ["'12345678' is not a CPV 2008 code."],
    "tags[1]": ["A tag must be 1 to 40 characters long."],
    "tags[2]": ["A tag must be 1 to 40 characters long."],
    Surprise: ["Something new."],
  },
  errorCodes: {
    name: [{ code: "business.nameLength", args: { min: "2", max: "200" } }],
    "capabilities[1]": [{ code: "cpv.unknown", args: { code: "12345678" } }],
    "tags[1]": [{ code: "business.tagLength", args: { min: "1", max: "40" } }],
    "tags[2]": [{ code: "business.tagLength", args: { min: "1", max: "40" } }],
  },
}).errors;

describe("field errors", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => vi.unstubAllGlobals());

  describe("coded by the server", () => {
    it("are translated by their code, with the limits the server sends, in the current language", () => {
      setLanguage("it");
      expect(fieldMessages(profileErrors, "name")).toEqual(["La denominazione è obbligatoria e deve avere da 2 a 200 caratteri."]);
      expect(fieldMessages(profileErrors, "capabilities")).toEqual([
        "12345678 non è un codice CPV 2008: rimuovilo e sceglilo dall'elenco.",
      ]);
      setLanguage("en");
      expect(fieldMessages(profileErrors, "name")).toEqual(["The name is required and must be 2 to 200 characters long."]);
    });

    it("are said once for a list whose items fail the same way", () => {
      setLanguage("en");
      expect(fieldMessages(profileErrors, "tags")).toEqual(["A tag must be 1 to 40 characters long."]);
    });

    it("are translated the same when the client finds them before sending", () => {
      setLanguage("it");
      expect(fieldMessages({ "value.amount": [coded("money.amount")] }, "value")).toEqual([
        "Un importo positivo con al massimo due decimali.",
      ]);
    });
  });

  describe("unknown fields", () => {
    it("keep the server's own text, in whichever language", () => {
      setLanguage("it");
      expect(describeFieldError([{ code: UNCODED, args: {}, message: "The deadline must be in the future." }])).toEqual([
        "The deadline must be in the future.",
      ]);
      expect(fieldMessages({ toString: [{ code: "uncoded", args: {}, message: "Odd key." }] }, "toString")).toEqual(["Odd key."]);
    });

    it("are the ones a form lists apart from its fields", () => {
      setLanguage("en");
      expect(otherFieldMessages(profileErrors, ["name", "capabilities", "tags"])).toEqual(["Something new."]);
    });
  });

  describe("describeRefusal", () => {
    it("hides a server fault's English title behind the UI's own words", () => {
      setLanguage("it");
      expect(describeRefusal(new ApiError(500, "An error occurred while processing your request.", null, {}))).toBe(
        "Si è verificato un errore imprevisto. Ricarica la pagina e riprova.",
      );
      expect(describeRefusal(new TypeError("Failed to fetch"))).toBe("Il server non risponde. Controlla la connessione e riprova.");
      expect(describeRefusal(new ApiError(413, "The request was refused.", "Too large.", {}))).toBe("Too large.");
    });
  });

  describe("nested fields", () => {
    // What POST /api/tenders answers to bad details (TenderRules.cs): each field's refusal by its code.
    const errors = {
      title: [coded("tender.title", { min: "3", max: "200" })],
      "lots[0].cpv": [coded("tender.lotCpvMissing")],
      "lots[1].cpv[1]": [coded("cpv.unknown", { code: "12345678" })],
      criteria: [coded("tender.weightsSum", { sum: "90" })],
      "criteria[1].weight": [coded("tender.criterionWeight")],
    };

    it("put each coded refusal under its field, nested ones under their part", () => {
      setLanguage("it");
      expect(fieldMessagesAt(errors, "title")).toEqual(["Il titolo della gara è obbligatorio e deve avere da 3 a 200 caratteri."]);
      expect(fieldMessagesAt(errors, "lots[0].cpv")).toEqual([
        "Indica almeno un codice CPV per il lotto: le imprese con competenze affini riceveranno l'avviso.",
      ]);
      expect(fieldMessagesAt(errors, "lots[1]")).toHaveLength(1);
      expect(describeFieldError(errors.criteria)).toEqual(["I pesi dei criteri devono sommare a 100, non a 90."]);
      setLanguage("en");
      expect(fieldMessagesAt(errors, "criteria[1]")).toEqual(["A weight is a whole number from 1 to 100."]);
    });

    it("show the server's text for a code the UI does not know yet (a newer server), never a guess from its field", () => {
      setLanguage("it");
      expect(fieldMessagesAt({ "lots[0].cpv": [{ code: "tender.somethingNew", args: {}, message: "Some English." }] }, "lots[0]")).toEqual([
        "Some English.",
      ]);
    });
  });
});
