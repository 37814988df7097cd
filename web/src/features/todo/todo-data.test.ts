import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ToDoItemDto } from "../../api/types";
import { setLanguage } from "../../i18n";
import { href } from "../../router";
import { toDoRoute, toDoText } from "./todo-data";

const firm = { id: "F1", name: "Rossi Costruzioni S.r.l." };
const item = (over: Partial<ToDoItemDto>): ToDoItemDto => ({
  kind: "SignJointBid",
  since: "2026-03-01T09:00:00Z",
  deadline: null,
  business: firm,
  space: null,
  alliance: null,
  tender: null,
  invitationId: null,
  role: null,
  count: 1,
  ...over,
});

describe("to-do rows", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
  });
  afterAll(() => {
    setLanguage("it");
    vi.unstubAllGlobals();
  });

  it("say in Italian what to do, for which firm and about what", () => {
    setLanguage("it");
    expect(toDoText(item({ kind: "SignJointBid", alliance: { id: "A", name: "RTI Rodari" } }))).toBe(
      "Approva per «Rossi Costruzioni S.r.l.» l'offerta congiunta di «RTI Rodari»",
    );
    expect(toDoText(item({ kind: "SpaceInvitation", space: { id: "S", name: "Spazio Gare" } }))).toBe(
      "Rispondi per «Rossi Costruzioni S.r.l.» all'invito a unirsi allo spazio «Spazio Gare»",
    );
    expect(toDoText(item({ kind: "BusinessInvitation", business: { id: "B", name: "Bianchi Impianti" }, role: "Manager", invitationId: "I" }))).toBe(
      "Rispondi all'invito di «Bianchi Impianti» a far parte del suo team come Gestore",
    );
  });

  it("count the questions waiting in the language chosen", () => {
    const tender = { id: "T", name: "Scuola Rodari" };
    setLanguage("it");
    expect(toDoText(item({ kind: "AnswerQuestions", tender, count: 1 }))).toBe("Rispondi al quesito di un'impresa sulla gara «Scuola Rodari»");
    expect(toDoText(item({ kind: "AnswerQuestions", tender, count: 3 }))).toBe("Rispondi ai 3 quesiti delle imprese sulla gara «Scuola Rodari»");
    setLanguage("en");
    expect(toDoText(item({ kind: "AnswerQuestions", tender, count: 3 }))).toBe("Answer the firms' 3 questions on the tender «Scuola Rodari»");
    expect(toDoText(item({ kind: "SubmitJointBid", alliance: { id: "A", name: "RTI Rodari" } }))).toBe(
      "Submit the joint bid of «RTI Rodari»: bids close soon",
    );
  });

  it("lead where each thing is done", () => {
    const alliance = { id: "AAAA", name: "RTI" };
    expect(href(toDoRoute(item({ kind: "BusinessInvitation", invitationId: "I" })))).toBe("#/my");
    expect(href(toDoRoute(item({ kind: "SpaceInvitation", space: { id: "SSSS", name: "Spazio" } })))).toBe("#/spaces/ssss");
    expect(href(toDoRoute(item({ kind: "AllianceInvitation", alliance })))).toBe("#/alliances/aaaa");
    expect(href(toDoRoute(item({ kind: "SignJointBid", alliance })))).toBe("#/alliances/aaaa/bid");
    expect(href(toDoRoute(item({ kind: "SubmitJointBid", alliance })))).toBe("#/alliances/aaaa/bid");
    expect(href(toDoRoute(item({ kind: "AnswerQuestions", tender: { id: "TTTT", name: "Gara" } })))).toBe("#/tenders/tttt");
    expect(href(toDoRoute(item({ kind: "AnswerSoccorso", tender: { id: "TTTT", name: "Gara" } })))).toBe("#/tenders/tttt");
    expect(href(toDoRoute(item({ kind: "AnswerSoccorso", tender: { id: "TTTT", name: "Gara" }, alliance })))).toBe("#/alliances/aaaa");
    // The auxiliary firm's people read only its lending page, never the alliance's.
    expect(href(toDoRoute(item({ kind: "ConfirmAvvalimento", tender: { id: "TTTT", name: "Gara" }, alliance })))).toBe("#/alliances/aaaa/lending");
  });

  it("ask the auxiliary firm's commitment to a reliance in both languages", () => {
    const asked = { kind: "ConfirmAvvalimento" as const, business: { id: "N", name: "Neri Impianti" }, alliance: { id: "A", name: "RTI Rodari" }, tender: { id: "T", name: "Scuola Rodari" } };
    setLanguage("it");
    expect(toDoText(item(asked))).toBe("Conferma per «Neri Impianti» l'avvalimento per «RTI Rodari» – «Scuola Rodari»");
    expect(toDoText(item({ ...asked, count: 2 }))).toBe("Conferma per «Neri Impianti» i 2 avvalimenti per «RTI Rodari» – «Scuola Rodari»");
    setLanguage("en");
    expect(toDoText(item(asked))).toBe("Confirm, for «Neri Impianti», the avvalimento (reliance) for «RTI Rodari» – «Scuola Rodari»");
  });
});
