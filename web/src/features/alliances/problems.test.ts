import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, toApiError } from "../../api/problem";
import { fieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import { allianceProblem } from "./problems";

const problem = (status: number) => new ApiError(status, "title", "detail", {});

describe("alliance problems", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("say what a conflict means for each action, and reload", () => {
    expect(allianceProblem("accept", problem(409))).toMatchObject({ reload: true });
    expect(allianceProblem("accept", problem(409)).text()).toContain("leggi la nuova versione");
    expect(allianceProblem("accept", problem(409)).text()).toContain("offerta congiunta è già presentata");
    expect(allianceProblem("handOver", problem(409)).text()).toContain("la capofila la ritira prima");
    expect(allianceProblem("remove", problem(409)).text()).toContain("la capofila la ritira prima");
    expect(allianceProblem("acceptAgreement", problem(409)).text()).toContain("nuova versione dell'accordo");
    expect(allianceProblem("leave", problem(409)).text()).toContain("passare il ruolo");
    expect(allianceProblem("leave", problem(409)).text()).toContain("offerta congiunta è presentata");
    expect(allianceProblem("invite", problem(409)).text()).toContain("già invitata");
    expect(allianceProblem("form", problem(409)).text()).toBe("La gara non accetta più offerte: non si può più costituire un RTI per partecipare.");
  });

  it("tell the lead's refusals from a firm's", () => {
    expect(allianceProblem("remove", problem(403)).text()).toBe("Solo il Titolare o un Gestore dell'impresa capofila può farlo.");
    expect(allianceProblem("leave", problem(403)).text()).toBe("Solo il Titolare o un Gestore dell'impresa può agire per lei.");
    expect(allianceProblem("form", problem(403)).text()).toContain("membro");
    expect(allianceProblem("form", problem(403)).reload).toBe(false);
    setLanguage("en");
    expect(allianceProblem("handOver", problem(403)).text()).toBe("Only an Owner or Manager of the lead firm can do this.");
    setLanguage("it");
  });

  it("reload when the firm is gone from the alliance, not for a lost session or network", () => {
    expect(allianceProblem("acceptAgreement", problem(404))).toMatchObject({ reload: true });
    expect(allianceProblem("publish", problem(401)).reload).toBe(false);
    expect(allianceProblem("publish", new TypeError("Failed to fetch")).text()).toBe(
      "Il server non risponde. Controlla la connessione e riprova.",
    );
  });

  it("translate the server's field errors with the limits it states", () => {
    const errors = toApiError(400, {
      status: 400,
      errors: {
        name: ["The name is 3 to 120 characters long."],
        agreementText: ["The agreement terms are required, at most 20000 characters."],
        reason: ["Say why, in at most 1000 characters."],
      },
    }).errors;
    expect(fieldMessages(errors, "name", undefined, "alliance")).toEqual(["Il nome dell'alleanza deve avere da 3 a 120 caratteri."]);
    expect(fieldMessages(errors, "agreementText", undefined, "alliance")).toEqual([
      "Il testo dell'accordo è obbligatorio e può avere al massimo 20000 caratteri.",
    ]);
    expect(fieldMessages(errors, "reason", undefined, "alliance")).toEqual(["Indica il motivo, in al massimo 1000 caratteri."]);
  });
});
