import { beforeAll, describe, expect, it, vi } from "vitest";
import { toApiError } from "../../api/problem";
import { setLanguage } from "../../i18n";
import { authErrors } from "./identity-errors";

describe("authErrors", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("en");
    return () => vi.unstubAllGlobals();
  });

  it("puts Identity's register errors next to the field they concern, keeping the configured numbers", () => {
    const error = toApiError(400, {
      status: 400,
      errors: {
        InvalidEmail: ["Email 'a@' is invalid."],
        PasswordTooShort: ["Passwords must be at least 8 characters."],
        PasswordRequiresDigit: ["Passwords must have at least one digit ('0'-'9')."],
      },
    });
    expect(authErrors(error)).toEqual({
      fields: {
        email: ["This e-mail address is not valid."],
        password: ["The password must be at least 8 characters long.", "The password must contain at least one digit (0-9)."],
      },
      general: [],
    });
  });

  it("says the same thing once when Identity reports the e-mail twice", () => {
    const error = toApiError(400, { errors: { InvalidUserName: ["invalid"], InvalidEmail: ["invalid"] } });
    expect(authErrors(error).fields.email).toEqual(["This e-mail address is not valid."]);
  });

  it("keeps unknown codes as the server wrote them", () => {
    const error = toApiError(400, { errors: { SomethingNew: ["Server says no."] } });
    expect(authErrors(error)).toEqual({ fields: {}, general: ["Server says no."] });
  });

  it.each([
    ["Failed", "Wrong e-mail or password."],
    ["LockedOut", "This account is locked after too many attempts. Try again later."],
    ["Lockedout", "This account is locked after too many attempts. Try again later."],
    ["NotAllowed", "This account cannot sign in yet."],
  ])("explains a login refused with %s", (detail, message) => {
    const error = toApiError(401, { title: "Unauthorized", status: 401, detail });
    expect(authErrors(error)).toEqual({ fields: {}, general: [message] });
  });

  it("reports a network failure", () => {
    expect(authErrors(new TypeError("Failed to fetch")).general).toEqual([
      "The server is not answering. Check your connection and try again.",
    ]);
  });
});
