import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, toApiError } from "../../api/problem";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import { jointBidProblem } from "./problems";

const problem = (status: number) => new ApiError(status, "title", "detail", {});

describe("joint bid problems", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("treat a refused save as out of date: reload, and keep the user's values", () => {
    expect(jointBidProblem("savePackage", problem(409))).toMatchObject({ reload: true, stale: true });
    expect(jointBidProblem("answer", problem(409))).toMatchObject({ reload: true, stale: true });
    // A package deleted meanwhile: the values stay, to add it again.
    expect(jointBidProblem("savePackage", problem(404))).toMatchObject({ reload: true, stale: true });
    expect(jointBidProblem("deletePackage", problem(409))).toMatchObject({ reload: true, stale: false });
  });

  it("say what a conflict means for each action", () => {
    expect(jointBidProblem("sign", problem(409)).text()).toContain("Rileggi la versione attuale");
    expect(jointBidProblem("submit", problem(409)).text()).toContain("approvazione della versione attuale");
    expect(jointBidProblem("withdraw", problem(409)).text()).toContain("ritirare");
    expect(jointBidProblem("submit", problem(403)).text()).toBe("Solo il Titolare o un Gestore della capofila può presentare o ritirare l'offerta congiunta.");
    setLanguage("en");
    expect(jointBidProblem("sign", problem(403)).text()).toBe("Only an Owner or Manager of the lead or of a member can approve the bid, each for their own firm.");
    setLanguage("it");
  });

  it("do not reload for a lost session or network", () => {
    expect(jointBidProblem("answer", problem(401)).reload).toBe(false);
    expect(jointBidProblem("answer", new TypeError("Failed to fetch")).text()).toBe("Il server non risponde. Controlla la connessione e riprova.");
  });

  it("translate the server's field errors for a work package and an answer", () => {
    const errors = toApiError(400, {
      status: 400,
      errors: {
        title: ["A work package has a title of at most 200 characters."],
        "price.amount": ["A non-zero positive amount with at most two decimals."],
        "price.currency": ["This lot is priced in EUR."],
        firmId: ["A work package goes to a firm of the alliance."],
        text: ["An answer is 1 to 8000 characters long."],
      },
    }).errors;
    const sent = { id: "p1", version: 2, title: "", lot: 1, description: null, firmId: "x", price: { amount: 0, currency: "USD" } };
    expect(fieldMessages(errors, "title", sent, "jointBid")).toEqual(["Il titolo del pacchetto è obbligatorio e può avere al massimo 200 caratteri."]);
    expect(fieldMessages(errors, "price", sent, "jointBid")).toEqual([
      "Indica un prezzo maggiore di zero, con al massimo due decimali.",
      "Il prezzo va indicato nella valuta del lotto.",
    ]);
    expect(fieldMessages(errors, "text", undefined, "jointBid")).toEqual(["La risposta deve avere da 1 a 8000 caratteri."]);
    expect(otherFieldMessages(errors, ["title", "price", "text"], sent, "jointBid")).toEqual(["Affida il pacchetto a un'impresa attiva dell'alleanza."]);
  });

  it("tell one package too many from a bad title", () => {
    const errors = { title: ["A joint bid has at most 200 work packages."] };
    expect(fieldMessages(errors, "title", { id: null, title: "Scavi" }, "jointBid")).toEqual(["L'offerta può avere al massimo 200 pacchetti di lavoro."]);
    expect(fieldMessages(errors, "title", { id: "p1", title: "Scavi" }, "jointBid")).toEqual([
      "Il titolo del pacchetto è obbligatorio e può avere al massimo 200 caratteri.",
    ]);
  });
});
