import { describe, expect, it } from "vitest";
import {
  ApiError,
  UNCODED,
  baseField,
  invalidIndexes,
  isUnder,
  itemIndex,
  messagesAt,
  messagesFor,
  otherMessages,
  toApiError,
  type FieldRefusal,
} from "./problem";

describe("toApiError", () => {
  it("reads a validation ProblemDetails into field errors", () => {
    const error = toApiError(400, {
      type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      errors: { vatNumber: ["Partita IVA non valida."], "capabilities[2]": ["Unknown CPV code 99999999-9."] },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.title).toBe("One or more validation errors occurred.");
    expect(error.detail).toBeNull();
    expect(error.errors).toEqual({
      vatNumber: [{ code: "uncoded", args: {}, message: "Partita IVA non valida." }],
      "capabilities[2]": [{ code: "uncoded", args: {}, message: "Unknown CPV code 99999999-9." }],
    });
    expect(error.code).toBe("uncoded");
  });

  it("reads the refusal's code and arguments, and each field error's", () => {
    const error = toApiError(400, {
      status: 400,
      detail: "One or more fields are invalid.",
      code: "input.invalidFields",
      errors: { name: ["The name is 2 to 200 characters long."], "tags[1]": ["Too long.", "Repeated."] },
      errorCodes: {
        name: [{ code: "business.nameLength", args: { min: "2", max: "200" } }],
        "tags[1]": [{ code: "business.tagLength", args: { max: "40" } }, { code: "business.tagRepeated", args: {} }],
      },
    });
    expect(error.code).toBe("input.invalidFields");
    expect(error.errors).toEqual({
      name: [{ code: "business.nameLength", args: { min: "2", max: "200" }, message: "The name is 2 to 200 characters long." }],
      "tags[1]": [
        { code: "business.tagLength", args: { max: "40" }, message: "Too long." },
        { code: "business.tagRepeated", args: {}, message: "Repeated." },
      ],
    });
  });

  it("reads a refusal's code and arguments, keeping only text arguments", () => {
    const error = toApiError(409, { status: 409, detail: "Gone.", code: "space.notMember", args: { firm: "Rossi", n: 3 } });
    expect(error).toMatchObject({ status: 409, code: "space.notMember", args: { firm: "Rossi" }, detail: "Gone.", errors: {} });
  });

  it("keeps title and detail of a plain ProblemDetails", () => {
    const error = toApiError(401, { title: "Unauthorized", status: 401, detail: "LockedOut" });
    expect(error).toMatchObject({ status: 401, title: "Unauthorized", detail: "LockedOut", errors: {} });
    expect(error.message).toBe("LockedOut");
  });

  it("falls back to the status text when there is no body", () => {
    const error = toApiError(502, undefined, "Bad Gateway");
    expect(error).toMatchObject({ status: 502, title: "Bad Gateway", detail: null, errors: {} });
    expect(toApiError(500, "oops").title).toBe("HTTP 500");
  });

  it("ignores malformed error entries instead of failing", () => {
    const error = toApiError(400, { errors: { name: "Required", email: [1, "", "Invalid"], tags: [] } });
    expect(error.errors).toEqual({
      name: [{ code: "uncoded", args: {}, message: "Required" }],
      email: [{ code: "uncoded", args: {}, message: "Invalid" }],
    });
  });
});

/** A field error as an older server sends it: its text, without a code. */
const said = (message: string): FieldRefusal => ({ code: UNCODED, args: {}, message });

describe("field lookup", () => {
  const errors = {
    name: [said("Required.")],
    "capabilities[0]": [said("Unknown code.")],
    "capabilities[3]": [said("Duplicate code.")],
    ComuneCode: [said("Unknown comune.")],
    PasswordTooShort: [said("Too short.")],
  };

  it("maps keys to their base field", () => {
    expect(baseField("capabilities[2]")).toBe("capabilities");
    expect(baseField("Locality.Name")).toBe("locality");
    expect(baseField("vatNumber")).toBe("vatNumber");
  });

  it("collects a field's own and item messages", () => {
    expect(messagesFor(errors, "capabilities")).toEqual(["Unknown code.", "Duplicate code."]);
    expect(messagesFor(errors, "comuneCode")).toEqual(["Unknown comune."]);
    expect(messagesFor(errors, "website")).toEqual([]);
  });

  it("lists the messages of fields the form does not show", () => {
    expect(otherMessages(errors, ["name", "capabilities", "comuneCode"])).toEqual(["Too short."]);
  });

  it("describes each entry through the given function, saying the same thing once", () => {
    const describe = (key: string) => [baseField(key) === "capabilities" ? "Bad capability." : `Bad ${key}.`];
    expect(messagesFor(errors, "capabilities", describe)).toEqual(["Bad capability."]);
    expect(otherMessages(errors, ["name", "capabilities"], describe)).toEqual(["Bad ComuneCode.", "Bad PasswordTooShort."]);
  });

  it("reads an item's index from its key", () => {
    expect(itemIndex("capabilities[12]")).toBe(12);
    expect(itemIndex("tags[0].label")).toBe(0);
    expect(itemIndex("tags")).toBeNull();
    expect(itemIndex("[3]")).toBeNull();
  });

  it("finds the failing item indexes", () => {
    expect([...invalidIndexes(errors, "capabilities")]).toEqual([0, 3]);
    expect(invalidIndexes(errors, "name").size).toBe(0);
  });
});

describe("messagesAt", () => {
  const errors = {
    lots: [said("A tender has 1 to 50 lots.")],
    "lots[0].title": [said("Title required.")],
    "lots[0].cpv[1]": [said("'1' is not a CPV 2008 code.")],
    "lots[10].title": [said("Title required too.")],
    lotsExtra: [said("Not a lot.")],
  };

  it("takes a path's own messages and those of its parts, and no other path's", () => {
    expect(messagesAt(errors, "lots[0]")).toEqual(["Title required.", "'1' is not a CPV 2008 code."]);
    expect(messagesAt(errors, "lots[0].cpv")).toEqual(["'1' is not a CPV 2008 code."]);
    expect(messagesAt(errors, "lots[1]")).toEqual([]);
    expect(messagesAt(errors, "lots")).toHaveLength(4);
  });

  it("tells a part from a longer name that starts the same", () => {
    expect(isUnder("lots[0].title", "lots[0]")).toBe(true);
    expect(isUnder("lots[10].title", "lots[1]")).toBe(false);
    expect(isUnder("lotsExtra", "lots")).toBe(false);
  });
});
