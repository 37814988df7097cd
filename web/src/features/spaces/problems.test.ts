import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/problem";
import { setLanguage } from "../../i18n";
import { actionProblem, invitationConflict } from "./problems";

const problem = (status: number, detail: string | null = "Server text in English.") => new ApiError(status, "Title", detail, {});

describe("space action problems", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("tells a firm's own refusal from an admin's", () => {
    expect(actionProblem("apply", problem(403)).text()).toBe("Solo il Titolare o un Gestore dell'impresa può farlo.");
    expect(actionProblem("leave", problem(403)).text()).toBe("Solo il Titolare o un Gestore dell'impresa può farlo.");
    expect(actionProblem("decide", problem(403)).text()).toBe("Solo gli amministratori dello spazio possono farlo.");
    expect(actionProblem("moderator", problem(403)).text()).toBe("Solo il Titolare o un Gestore dell'associazione nomina i moderatori.");
    expect(actionProblem("create", problem(403)).text()).toBe(
      "Solo il Titolare o un Gestore di un'associazione può crearne gli spazi.",
    );
  });

  it("says in the user's language that things changed, and asks for a reload, on a conflict", () => {
    const conflict = actionProblem("decide", problem(409, "A firm that is Member cannot be given 'Approve'."));
    expect(conflict.reload).toBe(true);
    expect(conflict.text()).toBe("Nel frattempo la situazione di questa impresa è cambiata: l'elenco è stato aggiornato.");
    expect(actionProblem("acceptPolicy", problem(409)).text()).toContain("un'altra versione del regolamento");
    expect(actionProblem("moderator", problem(409)).text()).toBe("Questa persona è già moderatore dello spazio.");
    setLanguage("en");
    expect(actionProblem("withdraw", problem(409)).text()).toBe(
      "The firm's standing in this space changed in the meantime: the page has been updated.",
    );
    setLanguage("it");
  });

  it("explains refused vouching and moderator removals", () => {
    expect(actionProblem("removeModerator", problem(403)).text()).toBe(
      "Solo il Titolare o un Gestore dell'associazione può rimuovere i moderatori.",
    );
    expect(actionProblem("removeModerator", problem(403)).reload).toBe(true);
    expect(actionProblem("removeModerator", problem(409)).text()).toContain("non è più moderatore");
    expect(actionProblem("vouch", problem(403)).text()).toBe("Solo gli amministratori dello spazio possono farlo.");
    expect(actionProblem("vouch", problem(409)).text()).toContain("l'elenco è stato aggiornato");
    expect(actionProblem("revokeVouch", problem(409)).text()).toBe("Non c'è una verifica da revocare: l'elenco è stato aggiornato.");
  });

  it("reloads on a missing space but not on a lost session or a server fault", () => {
    expect(actionProblem("publish", problem(404))).toMatchObject({ reload: true });
    expect(actionProblem("publish", problem(404)).text()).toBe("Questo spazio non esiste più.");
    expect(actionProblem("apply", problem(401))).toMatchObject({ reload: false });
    const fault = actionProblem("apply", problem(500, null));
    expect(fault.reload).toBe(false);
    expect(fault.text()).toBe("Si è verificato un errore imprevisto. Ricarica la pagina e riprova.");
    expect(actionProblem("apply", new TypeError("Failed to fetch")).text()).toBe(
      "Il server non risponde. Controlla la connessione e riprova.",
    );
  });

  it("explains a refused invitation by the firm's standing", () => {
    expect(invitationConflict("Rossi", "Member")).toBe("Rossi è già membro dello spazio.");
    expect(invitationConflict("Rossi", "Suspended")).toBe("Rossi è già membro dello spazio.");
    expect(invitationConflict("Rossi", "Invited")).toContain("è già stata invitata");
    expect(invitationConflict("Rossi", "Applied")).toContain("approva la sua domanda");
    expect(invitationConflict("Rossi", null)).toBe(
      "Nel frattempo lo spazio è cambiato: la pagina è stata aggiornata. Controlla e riprova.",
    );
  });
});
