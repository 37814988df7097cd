import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, toApiError } from "./api/problem";
import { setLanguage } from "./i18n";
import { describeFieldError, fieldMessages, fieldMessagesAt, otherFieldMessages } from "./field-errors";
import { describeRefusal } from "./i18n/refusals";

// What the server answers to PUT /api/businesses/{id}/profile with bad input (see ProfileRules.cs).
const profileErrors = toApiError(400, {
  title: "One or more validation errors occurred.",
  status: 400,
  errors: {
    name: ["The name is required and must be 2 to 200 characters long."],
    vatNumber: ["This is not a valid Italian VAT number (partita IVA): 11 digits with a matching check digit."],
    "capabilities[1]": ["'12345678' is not a CPV 2008 code."],
    "tags[2]": ["A tag must be 1 to 40 characters long."],
    contactPhone: ["A phone number has 6 to 20 digits, spaces, dashes or a leading +."],
    website: ["The website must be a web address such as https://www.example.it."],
  },
}).errors;
const sent = {
  name: "X",
  capabilities: ["45210000-2", "12345678"],
  tags: ["restauro", "BIM", "impianti elettrici e speciali per edifici pubblici e privati"],
};

describe("field errors", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => vi.unstubAllGlobals());

  describe("in Italian", () => {
    beforeAll(() => setLanguage("it"));

    it("translates a coded field error by its code, whatever the field and its English message", () => {
      const errors = toApiError(400, {
        status: 400,
        code: "input.invalidFields",
        errors: { name: ["This field is required."], kind: ["Some English."] },
        errorCodes: { name: [{ code: "input.fieldRequired", args: {} }] },
      }).errors;
      expect(fieldMessages(errors, "name", sent)).toEqual(["Questo campo è obbligatorio."]);
      // TODO(#16): an uncoded error is still chosen by its field.
      expect(fieldMessages(errors, "kind", sent)[0]).toMatch(/Impresa/);
    });

    it("translates each known field, keeping the limits the server states", () => {
      expect(fieldMessages(profileErrors, "name", sent)).toEqual([
        "La denominazione è obbligatoria e deve avere da 2 a 200 caratteri.",
      ]);
      expect(fieldMessages(profileErrors, "vatNumber", sent)).toEqual([
        "Partita IVA non valida: servono 11 cifre, con la cifra di controllo corretta.",
      ]);
      expect(fieldMessages(profileErrors, "contactPhone", sent)).toEqual([
        "Numero di telefono non valido: da 6 a 20 cifre, spazi o trattini, con un + iniziale facoltativo.",
      ]);
      expect(fieldMessages(profileErrors, "website", sent)).toEqual([
        "Indirizzo web non valido: scrivilo come https://www.esempio.it.",
      ]);
    });

    it("names the refused item of a list by what was sent at that index", () => {
      expect(fieldMessages(profileErrors, "capabilities", sent)).toEqual([
        "Il codice 12345678 non è un codice CPV 2008: rimuovilo e scegli la competenza dall'elenco.",
      ]);
      // A long tag is quoted cut short.
      expect(fieldMessages(profileErrors, "tags", sent)).toEqual([
        "La parola chiave «impianti elettrici e speciali p…» deve avere da 1 a 40 caratteri.",
      ]);
    });

    it("uses the labels of the current language inside messages", () => {
      expect(describeFieldError("role", ["A new member can be a Manager or a Viewer."])).toEqual([
        "Un nuovo utente può essere Gestore o Lettore.",
      ]);
      expect(describeFieldError("kind", ["Kind must be Firm, Association or Buyer."])).toEqual([
        "Scegli il tipo: Impresa, Associazione o Committente.",
      ]);
    });

    it("tells an unknown e-mail from a missing one when adding a member", () => {
      const server = ["No registered user has this e-mail address."];
      expect(describeFieldError("email", server, { email: "nessuno@example.it", role: "Viewer" })).toEqual([
        "Nessun utente registrato ha questo indirizzo e-mail: chi vuoi aggiungere deve prima registrarsi.",
      ]);
      expect(describeFieldError("email", server, { email: "", role: "Viewer" })).toEqual([
        "Indica l'e-mail di un utente registrato.",
      ]);
    });

    it("explains a body the server could not read", () => {
      expect(describeFieldError("body", ["The body is not valid JSON."])).toEqual([
        "Il server non è riuscito a leggere i dati inviati: ricarica la pagina e riprova.",
      ]);
    });
  });

  describe("in English", () => {
    beforeAll(() => setLanguage("en"));

    it("translates the same errors into English", () => {
      expect(fieldMessages(profileErrors, "name", sent)).toEqual(["The name is required and must be 2 to 200 characters long."]);
      expect(fieldMessages(profileErrors, "capabilities", sent)).toEqual([
        "12345678 is not a CPV 2008 code: remove it and pick the capability from the list.",
      ]);
      expect(fieldMessages(profileErrors, "tags", sent)).toEqual([
        "The tag “impianti elettrici e speciali p…” must be 1 to 40 characters long.",
      ]);
      expect(describeFieldError("role", ["whatever the server says"])).toEqual(["A new member can be a Manager or a Viewer."]);
    });
  });

  describe("indexes", () => {
    beforeAll(() => setLanguage("en"));

    it("maps an item key to its list's message and says which entry", () => {
      // Known from the request…
      expect(describeFieldError("capabilities[0]", ["'x' is not a CPV 2008 code."], { capabilities: ["45000000"] })).toEqual([
        "45000000 is not a CPV 2008 code: remove it and pick the capability from the list.",
      ]);
      // …else quoted by the server…
      expect(describeFieldError("capabilities[4]", ["'99999999' is not a CPV 2008 code."])).toEqual([
        "99999999 is not a CPV 2008 code: remove it and pick the capability from the list.",
      ]);
      // …else by its position, as for a malformed item.
      expect(describeFieldError("capabilities[4]", ["This value has the wrong type or format."])).toEqual([
        "Capability no. 5 is not a CPV 2008 code: remove it and pick one from the list.",
      ]);
      expect(describeFieldError("tags[0]", ["A tag must be 1 to 40 characters long."], { tags: [" "] })).toEqual([
        "Tag no. 1 must be 1 to 40 characters long.",
      ]);
    });

    it("keeps the list's own message apart from its items'", () => {
      const errors = {
        capabilities: ["At most 100 capabilities."],
        "capabilities[0]": ["'1' is not a CPV 2008 code."],
        "capabilities[3]": ["'2' is not a CPV 2008 code."],
      };
      expect(fieldMessages(errors, "capabilities")).toEqual([
        "You can list at most 100 capabilities.",
        "1 is not a CPV 2008 code: remove it and pick the capability from the list.",
        "2 is not a CPV 2008 code: remove it and pick the capability from the list.",
      ]);
    });

    it("falls back to its default limits when the server's message states none", () => {
      expect(describeFieldError("name", ["This value has the wrong type or format."])).toEqual([
        "The name is required and must be 2 to 200 characters long.",
      ]);
      expect(describeFieldError("description", ["The description must be at most 5000 characters long."])).toEqual([
        "The description can be at most 5000 characters long.",
      ]);
    });

    it("says the same thing once", () => {
      const errors = { "tags[1]": ["A tag must be 1 to 40 characters long."], "tags[2]": ["A tag must be 1 to 40 characters long."] };
      expect(fieldMessages(errors, "tags")).toEqual(["Tag no. 2 must be 1 to 40 characters long.", "Tag no. 3 must be 1 to 40 characters long."]);
      expect(fieldMessages({ "tags[1]": ["x"], "tags[2]": ["x"] }, "tags", { tags: ["a", "b", "b"] })).toEqual([
        "The tag “b” must be 1 to 40 characters long.",
      ]);
    });
  });

  describe("unknown fields", () => {
    it("keep the server's own text, in whichever language", () => {
      setLanguage("it");
      expect(describeFieldError("deadline", ["The deadline must be in the future."])).toEqual(["The deadline must be in the future."]);
      expect(describeFieldError("toString", ["Odd key."])).toEqual(["Odd key."]);
    });

    it("are the ones a form lists apart from its fields", () => {
      setLanguage("en");
      const errors = { name: ["too short"], body: ["The body is not valid JSON."], Surprise: ["Something new."] };
      expect(otherFieldMessages(errors, ["kind", "name"])).toEqual([
        "The server could not read the data sent: reload the page and try again.",
        "Something new.",
      ]);
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

  describe("space forms", () => {
    // What the server answers to POST /api/spaces and the other space requests (see SpaceRules.cs, SpaceState.cs).
    const createErrors = {
      name: ["The name is required and must be 3 to 120 characters long."],
      "territoryComuni[1]": ["'999999' is not an ISTAT comune code."],
      "territoryProvinces[0]": ["'XX' is not an Italian province sigla."],
      visibility: ["Visibility must be Public or MembersOnly."],
      policyText: ["The policy text is required and at most 20000 characters long."],
    };
    // The request as the form names it: comuni by their labels (see namedRequest).
    const named = { name: "AB", territoryComuni: ["Bologna (BO)", "Atlantide (ZZ)"], territoryProvinces: ["XX"] };

    it("uses the space's own limits for its name, and the business's elsewhere", () => {
      setLanguage("it");
      expect(fieldMessages(createErrors, "name", named, "space")).toEqual([
        "Il nome dello spazio è obbligatorio e deve avere da 3 a 120 caratteri.",
      ]);
      // Unchanged for the business forms.
      expect(fieldMessages({ name: ["too short"] }, "name")).toEqual(["La denominazione è obbligatoria e deve avere da 2 a 200 caratteri."]);
      expect(fieldMessages({ name: ["too short"] }, "name", undefined, "business")).toEqual([
        "La denominazione è obbligatoria e deve avere da 2 a 200 caratteri.",
      ]);
    });

    it("names the refused comune and province as the user chose them", () => {
      setLanguage("it");
      expect(fieldMessages(createErrors, "territoryComuni", named, "space")).toEqual([
        "Il comune Atlantide (ZZ) non è riconosciuto: rimuovilo e sceglilo dall'elenco.",
      ]);
      expect(fieldMessages(createErrors, "territoryProvinces", named, "space")).toEqual([
        "«XX» non è la sigla di una provincia italiana: rimuovila e scegli la provincia dall'elenco.",
      ]);
      setLanguage("en");
      expect(describeFieldError("territoryComuni[3]", ["This value has the wrong type or format."], {}, "space")).toEqual([
        "Municipality no. 4 is not recognised: remove it and pick it from the list.",
      ]);
      expect(describeFieldError("territoryProvinces", ["At most 500 entries."], {}, "space")).toEqual([
        "You can list at most 500 provinces.",
      ]);
    });

    it("translates the policy, visibility and message rules", () => {
      setLanguage("it");
      expect(fieldMessages(createErrors, "policyText", named, "space")).toEqual([
        "Il testo del regolamento è obbligatorio e può avere al massimo 20000 caratteri.",
      ]);
      // Publishing a new version names the field `text`.
      expect(describeFieldError("text", ["The policy text is required and at most 20000 characters long."], { text: null }, "space")).toEqual([
        "Il testo del regolamento è obbligatorio e può avere al massimo 20000 caratteri.",
      ]);
      expect(fieldMessages(createErrors, "visibility", named, "space")).toEqual([
        "Scegli chi vede l'elenco dei membri: Elenco membri pubblico o Riservato ai membri.",
      ]);
      expect(describeFieldError("message", ["At most 2000 characters."], { message: "…" }, "space")).toEqual([
        "Il messaggio può avere al massimo 2000 caratteri.",
      ]);
    });

    it("asks for a missing reason, and tells a too long one apart", () => {
      setLanguage("it");
      expect(describeFieldError("reason", ["Give a reason; the firm will see it."], { decision: "Reject", reason: null }, "space")).toEqual([
        "Indica il motivo: l'impresa lo vedrà.",
      ]);
      expect(describeFieldError("reason", ["At most 1000 characters."], { decision: "Reject", reason: "x".repeat(1001) }, "space")).toEqual([
        "Il motivo può avere al massimo 1000 caratteri.",
      ]);
      setLanguage("en");
      expect(describeFieldError("reason", ["Give a reason; the firm will see it."], { reason: "  " }, "space")).toEqual([
        "Give a reason: the firm will see it.",
      ]);
    });

    it("explains the ids a user never types", () => {
      setLanguage("en");
      expect(describeFieldError("firmId", ["Only a registered firm can be invited."], { firmId: "x" }, "space")).toEqual([
        "Only a business registered as a Firm can join a space or be invited to it.",
      ]);
      expect(describeFieldError("hostId", ["Only an association can host a space."], {}, "space")).toEqual([
        "Choose a registered association you are Owner or Manager of.",
      ]);
      expect(describeFieldError("version", ["This value has the wrong type or format."], {}, "space")).toEqual([
        "The space's version is not valid: reload the page and try again.",
      ]);
      // A moderator is added by e-mail, with the business forms' message for an unknown address.
      expect(describeFieldError("email", ["No registered user has this e-mail address."], { email: "a@b.it" }, "space")).toEqual([
        "No registered user has this e-mail address: the person you want to add must register first.",
      ]);
    });
  });
  describe("in a space's directory search", () => {
    // What GET /api/spaces/{id}/directory answers to bad filters (DirectorySearch.Normalize).
    const directoryErrors = toApiError(400, {
      status: 400,
      errors: {
        cpv: ["A CPV code or its first digits (at least the division, e.g. 45)."],
        near: ["'999999' is not an ISTAT comune code."],
        radiusKm: ["The radius is 1 to 300 km."],
        province: ["Unknown province sigla."],
        region: ["Unknown region."],
      },
    }).errors;
    const filters = { cpv: "4", near: "999999", radiusKm: 500, province: "ZZ", region: "Atlantide" };

    it("puts each refused filter's message under it, in the UI's language", () => {
      setLanguage("it");
      expect(fieldMessages(directoryErrors, "cpv", filters, "directory")).toEqual([
        "Scrivi un codice CPV o le sue prime cifre (almeno la divisione, ad es. 45), oppure scegli una voce dall'elenco.",
      ]);
      expect(fieldMessages(directoryErrors, "near", filters, "directory")).toEqual([
        "Comune non riconosciuto: cercalo e sceglilo dall'elenco.",
      ]);
      expect(fieldMessages(directoryErrors, "radiusKm", filters, "directory")).toEqual(["Il raggio va da 1 a 300 km."]);
      setLanguage("en");
      expect(fieldMessages(directoryErrors, "province", filters, "directory")).toEqual(["Unknown province: pick it from the list."]);
      expect(fieldMessages(directoryErrors, "region", filters, "directory")).toEqual(["Unknown region: pick it from the list."]);
    });

    it("follows the radius the server states", () => {
      setLanguage("en");
      expect(describeFieldError("radiusKm", ["The radius is 1 to 150 km."], filters, "directory")).toEqual(["The radius is 1 to 150 km."]);
    });

    it("leaves nothing over when every refused filter has its place", () => {
      expect(otherFieldMessages(directoryErrors, ["q", "cpv", "comune", "province", "region", "near", "radiusKm", "size", "verified"], filters, "directory")).toEqual([]);
    });
  });

  describe("the tender form", () => {
    // What POST /api/tenders answers to bad details (TenderRules.cs): each field's refusal by its code.
    const coded = (code: string, args: Record<string, string> = {}) => [{ code, args, message: "in English" }];
    const errors = {
      title: coded("tender.title", { min: "3", max: "200" }),
      "lots[0].cpv": coded("tender.lotCpvMissing"),
      "lots[1].cpv[1]": coded("cpv.unknown", { code: "12345678" }),
      criteria: coded("tender.weightsSum", { sum: "90" }),
      "criteria[1].weight": coded("tender.criterionWeight"),
    };

    it("puts each coded refusal under its field, nested ones under their part", () => {
      setLanguage("it");
      expect(fieldMessagesAt(errors, "title", undefined, "tender")).toEqual(["Il titolo della gara è obbligatorio e deve avere da 3 a 200 caratteri."]);
      expect(fieldMessagesAt(errors, "lots[0].cpv", undefined, "tender")).toEqual([
        "Indica almeno un codice CPV per il lotto: le imprese con competenze affini riceveranno l'avviso.",
      ]);
      expect(fieldMessagesAt(errors, "lots[1]", undefined, "tender")).toHaveLength(1);
      expect(describeFieldError("criteria", errors.criteria, undefined, "tender")).toEqual(["I pesi dei criteri devono sommare a 100, non a 90."]);
      setLanguage("en");
      expect(fieldMessagesAt(errors, "criteria[1]", undefined, "tender")).toEqual(["A weight is a whole number from 1 to 100."]);
      setLanguage("it");
    });

    it("shows an uncoded error of a coded form as the server wrote it, never a guess from its field", () => {
      // TODO(#16): the input bounds (InputRules.cs) are not coded yet.
      expect(describeFieldError("text", ["At most 4000 characters."], { text: "x" }, "tender")).toEqual(["At most 4000 characters."]);
      expect(describeFieldError("title", ["Some English."], { title: "x" }, "jointBid")).toEqual(["Some English."]);
    });
  });
});
