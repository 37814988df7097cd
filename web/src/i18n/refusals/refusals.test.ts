import openApi from "../../../openapi.json?raw";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError, toApiError } from "../../api/problem";
import { setLanguage } from "..";
import { describeRefusal, fillPlaceholders, refusedAction, refusedFor, refusals, refusalText } from ".";

/** The codes the server lists in its OpenAPI document (schema ProblemCode). */
const serverCodes = (): string[] => {
  const document = JSON.parse(openApi) as {
    components: { schemas: { ProblemCode: { enum: string[] } } };
  };
  return document.components.schemas.ProblemCode.enum;
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]).sort();

describe("refusal texts", () => {
  it("translate every code the server lists, and only those", () => {
    const listed = serverCodes().filter((code) => code !== "uncoded");
    expect(Object.keys(refusals).sort()).toEqual(listed.sort());
  });

  it("have an Italian and an English text with the same placeholders and known formats", () => {
    for (const [code, text] of Object.entries(refusals)) {
      expect(text.it.trim(), code).not.toBe("");
      expect(text.en.trim(), code).not.toBe("");
      expect(placeholders(text.it), code).toEqual(placeholders(text.en));
      for (const [, format] of `${text.it} ${text.en}`.matchAll(/\{\w+:(\w+)\}/g))
        expect(["number", "money", "date", "dateTime"], code).toContain(format);
    }
  });
});

describe("fillPlaceholders", () => {
  it("writes numbers, money and dates as the reader's language does, dates in Italian time", () => {
    const text = "{n:number} | {price:money} | {on:date} | {at:dateTime} | {firm}";
    const args = { n: "12000", price: "1250000.5 EUR", on: "2026-03-01T23:30:00+00:00", at: "2026-07-01T08:05:00Z", firm: "Rossi 1990" };
    expect(fillPlaceholders(text, args, "it")).toBe("12.000 | 1.250.000,50\u00a0€ | 2 marzo 2026 | 1 lug 2026, 10:05 | Rossi 1990");
    expect(fillPlaceholders(text, args, "en")).toBe("12,000 | €1,250,000.50 | 2 March 2026 | 1 Jul 2026, 10:05 | Rossi 1990");
  });

  it("shows a value that is not what its placeholder expects as sent, and keeps a placeholder without argument", () => {
    expect(fillPlaceholders("{n:number} {price:money} {on:date} {missing}", { n: "many", price: "a lot", on: "soon" }, "en")).toBe(
      "many a lot soon {missing}",
    );
  });

  it("writes one full stop after a name that ends with one", () => {
    expect(fillPlaceholders("Bids from {firm}.", { firm: "Rossi S.r.l." }, "en")).toBe("Bids from Rossi S.r.l.");
    expect(fillPlaceholders("Bids from {firm}.", { firm: "Rossi Srl" }, "en")).toBe("Bids from Rossi Srl.");
  });
});

describe("describeRefusal", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterEach(() => setLanguage("en"));
  afterAll(() => vi.unstubAllGlobals());

  it("translates a known code into the current language", () => {
    const error = toApiError(400, { status: 400, code: "input.invalidFields", detail: "One or more fields are invalid." });
    setLanguage("it");
    expect(describeRefusal(error)).toBe(refusals["input.invalidFields"].it);
    expect(refusalText("input.invalidFields", {}, "en")).toBe("One or more fields are invalid.");
  });

  it("shows the server's English detail for a code it does not know", () => {
    setLanguage("it");
    expect(describeRefusal(toApiError(409, { status: 409, code: "space.fromTheFuture", detail: "Something new." }))).toBe("Something new.");
    expect(describeRefusal(toApiError(403, { status: 403, title: "Forbidden" }))).toBe("Forbidden");
    expect(refusalText("space.fromTheFuture", {}, "it")).toBeNull();
  });

  it("says when the server did not answer or failed", () => {
    expect(describeRefusal(new TypeError("Failed to fetch"))).toMatch(/not answering/);
    expect(describeRefusal(new ApiError(500, "Internal Server Error", "NullReferenceException", {}))).toMatch(/unexpected/);
  });

  it("says a session ended when the server asks to sign in", () => {
    setLanguage("it");
    expect(describeRefusal(toApiError(401, {}, "Unauthorized"))).toBe("La sessione è scaduta: accedi di nuovo e riprova.");
  });
});

describe("refused actions", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterEach(() => setLanguage("en"));
  afterAll(() => vi.unstubAllGlobals());
  const refused = (status: number, code: string) => toApiError(status, { status, code });

  it("reload what the page shows when it is out of date or the viewer's part changed, not for a lost session or network", () => {
    expect([403, 404, 409].map((status) => refusedAction(refused(status, "tender.notFound")).reload)).toEqual([true, true, true]);
    expect(refusedAction(refused(401, "uncoded")).reload).toBe(false);
    expect(refusedAction(new TypeError("Failed to fetch")).reload).toBe(false);
  });

  it("tell the reason by its code, not by the status", () => {
    const unsigned = toApiError(409, { status: 409, code: "jointBid.unsigned", args: { count: "2" } });
    const unanswered = toApiError(409, { status: 409, code: "jointBid.unanswered", args: { criteria: "Piano di lavoro, Personale" } });
    setLanguage("en");
    expect(refusedAction(unsigned).text()).toBe("Firms that have not yet signed the current version: 2. It is submitted once all of them have.");
    expect(refusedAction(unanswered).text()).toBe("Answer every quality criterion before submitting: Piano di lavoro, Personale.");
    expect(refusedFor(unanswered, "jointBid.removedLot", "jointBid.unanswered")).toBe(true);
    expect(refusedFor(unsigned, "jointBid.unanswered")).toBe(false);
  });
});
