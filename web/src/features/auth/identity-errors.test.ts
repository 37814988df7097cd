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

  it("puts a common new password under the new password and a wrong current one under the current password", () => {
    const error = toApiError(400, { errors: { PasswordTooCommon: ["too common"], PasswordMismatch: ["Incorrect password."] } });
    expect(authErrors(error).fields).toEqual({
      password: ["This password is too common: attackers try it first. Choose a phrase of your own."],
      currentPassword: ["The current password is not correct."],
    });
  });

  it("asks to wait when the server answers 429", () => {
    const error = toApiError(429, { status: 429, title: "Too many requests", detail: "Too many requests from here; try again in 60 seconds." });
    expect(authErrors(error)).toEqual({ fields: {}, general: ["Too many attempts from your connection. Wait a little and try again."] });
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
    ["LockedOut", "Too many wrong attempts for this account from your connection. Try again later."],
    ["Lockedout", "Too many wrong attempts for this account from your connection. Try again later."],
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
