import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/problem";
import { setLanguage } from "../../i18n";
import { tenderProblem } from "./problems";

const problem = (status: number) => new ApiError(status, "title", "detail", {});

describe("tenderProblem", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("says what a conflict means for each action, and reloads", () => {
    expect(tenderProblem("submitBid", problem(409))).toMatchObject({ reload: true });
    expect(tenderProblem("submitBid", problem(409)).text()).toBe(
      "Il termine di presentazione delle offerte è scaduto: l'offerta non è stata ricevuta.",
    );
    expect(tenderProblem("ask", problem(409)).text()).toContain("periodo dei quesiti è chiuso");
    expect(tenderProblem("award", problem(409)).text()).toContain("meglio classificata");
    expect(tenderProblem("edit", problem(409)).text()).toContain("Qualcun altro ha modificato la gara");
  });

  it("tells the firm's refusals from the buyer's", () => {
    expect(tenderProblem("submitBid", problem(403)).text()).toContain("impresa membro di uno spazio");
    expect(tenderProblem("publish", problem(403)).text()).toBe("Solo il Titolare o un Gestore del committente può farlo.");
    setLanguage("en");
    expect(tenderProblem("score", problem(403)).text()).toBe("Only the buyer's Owners and Managers can do this.");
    setLanguage("it");
  });

  it("does not reload for a lost session, a large file or a network failure", () => {
    expect(tenderProblem("answer", problem(401)).reload).toBe(false);
    expect(tenderProblem("upload", problem(413))).toMatchObject({ reload: false });
    expect(tenderProblem("upload", problem(413)).text()).toBe("Il file supera i 10 MB.");
    expect(tenderProblem("publish", new TypeError("Failed to fetch")).text()).toBe(
      "Il server non risponde. Controlla la connessione e riprova.",
    );
  });
});
