import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toApiError } from "../../api/problem";
import { setLanguage } from "../../i18n";
import { authErrors } from "./auth-errors";

describe("authErrors", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("puts each coded refusal next to its field, in the reader's language, with the configured limits", () => {
    const error = toApiError(400, {
      status: 400,
      code: "input.invalidFields",
      errors: { email: ["This e-mail address is not valid."], password: ["Passwords must be at least 15 characters.", "Too common."] },
      errorCodes: {
        email: [{ code: "account.invalidEmail", args: {} }],
        password: [
          { code: "account.passwordTooShort", args: { min: "15" } },
          { code: "account.passwordTooCommon", args: {} },
        ],
      },
    });
    expect(authErrors(error)).toEqual({
      fields: {
        email: ["Indirizzo e-mail non valido."],
        password: [
          "La password deve avere almeno 15 caratteri.",
          "Questa password è troppo comune: è tra le prime che un attaccante prova. Scegli una frase tua.",
        ],
      },
      general: [],
    });
  });

  it("says a refused sign-in above the form", () => {
    const error = toApiError(401, { status: 401, code: "account.lockedOut", detail: "Too many wrong attempts." });
    expect(authErrors(error)).toEqual({
      fields: {},
      general: ["Troppi tentativi errati per questo account dalla tua connessione. Riprova più tardi."],
    });
  });

  it("keeps the words of a refusal about another field, and says when the server did not answer", () => {
    const error = toApiError(400, { status: 400, errors: { token: ["Invalid token."] }, errorCodes: {} });
    expect(authErrors(error)).toEqual({ fields: {}, general: ["Invalid token."] });
    expect(authErrors(new TypeError("fetch failed")).general).toEqual(["Il server non risponde. Controlla la connessione e riprova."]);
  });
});
