import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/problem";
import type { JointDocumentDto, MemberRole } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import { allianceDto, LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { MAX_JOINT_DOCUMENTS, mayDetach, roomFor, shortDigest } from "./documents";
import { jointBidProblem } from "./problems";
import { firm, jointBidDto } from "./test-fixtures";

const roles = (pairs: [string, MemberRole][]) => new Map(pairs.map(([id, role]) => [id.toLowerCase(), role]));
const SHA = "0123456789abcdef".repeat(4);

function jointDocument(id: string, firmId: string): JointDocumentDto {
  return { document: { id, name: `${id}.pdf`, contentType: "application/pdf", size: 1234, sha256: SHA }, firm: firm(firmId) };
}

describe("the joint bid's documents", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("let the firm that attached a file take it off, by its Owners and Managers", () => {
    const alliance = allianceDto({ myFirms: [MEMBER], canLead: false });
    expect(mayDetach(jointDocument("d1", MEMBER), alliance, roles([[MEMBER, "Manager"]]))).toBe(true);
    expect(mayDetach(jointDocument("d1", MEMBER.toUpperCase()), alliance, roles([[MEMBER, "Owner"]]))).toBe(true);
    expect(mayDetach(jointDocument("d1", MEMBER), alliance, roles([[MEMBER, "Viewer"]]))).toBe(false);
    expect(mayDetach(jointDocument("d2", LEAD), alliance, roles([[MEMBER, "Owner"]]))).toBe(false);
  });

  it("let the lead take off any firm's file", () => {
    const alliance = allianceDto({ myFirms: [LEAD], canLead: true });
    expect(mayDetach(jointDocument("d1", MEMBER), alliance, roles([[LEAD, "Owner"]]))).toBe(true);
    expect(mayDetach(jointDocument("d1", SUB), alliance, roles([[LEAD, "Manager"]]))).toBe(true);
  });

  it("keep a firm that left from taking off its file: only the lead does then", () => {
    const alliance = allianceDto({ myFirms: [SUB], canLead: false });
    const left = { ...alliance, members: alliance.members.map((m) => (m.firmId === SUB ? { ...m, standing: "Left" as const } : m)) };
    expect(mayDetach(jointDocument("d1", SUB), left, roles([[SUB, "Owner"]]))).toBe(false);
  });

  it("show a file's digest by its first 12 hex characters", () => {
    expect(shortDigest(SHA)).toBe("0123456789ab");
    expect(shortDigest(SHA.toUpperCase())).toBe("0123456789ab");
    expect(shortDigest("abc")).toBe("abc");
  });

  it("count how many more files the bid takes, up to 20", () => {
    expect(roomFor(jointBidDto())).toBe(MAX_JOINT_DOCUMENTS);
    const full = Array.from({ length: MAX_JOINT_DOCUMENTS }, (_, i) => jointDocument(`d${i}`, LEAD));
    expect(roomFor(jointBidDto({ documents: full.slice(0, 18) }))).toBe(2);
    expect(roomFor(jointBidDto({ documents: full }))).toBe(0);
  });

  it("say what a refused attach or detach means", () => {
    const problem = (status: number) => new ApiError(status, "title", "detail", {});
    expect(jointBidProblem("attach", problem(403)).text()).toBe("Un'impresa allega solo i propri file, tramite il suo Titolare o un Gestore.");
    expect(jointBidProblem("attach", problem(409))).toMatchObject({ reload: true, stale: false });
    expect(jointBidProblem("attach", problem(409)).text()).toContain("già allegato");
    expect(jointBidProblem("attach", problem(404)).text()).toContain("non è più visibile");
    expect(jointBidProblem("detach", problem(404)).text()).toBe("Il file era già stato tolto dall'offerta: l'offerta è stata aggiornata.");
    expect(jointBidProblem("detach", problem(403)).text()).toContain("o la capofila");
    setLanguage("en");
    expect(jointBidProblem("detach", problem(409)).text()).toBe("Not removed: the tender no longer takes changes. The bid has been updated.");
    setLanguage("it");
  });

  it("name a refused file by its name, and the limit as the server sets it", () => {
    const sent = { firmId: MEMBER, documents: ["offerta.pdf", "computo.xlsx"] };
    expect(fieldMessages({ "documents[1]": ["No document uploaded by this business has this id."] }, "documents", sent, "jointBid")).toEqual([
      "Il file computo.xlsx non risulta caricato dall'impresa scelta: caricalo di nuovo.",
    ]);
    expect(otherFieldMessages({ documents: ["A bid carries at most 20 documents."] }, [], sent, "jointBid")).toEqual([
      "Puoi allegare al massimo 20 documenti.",
    ]);
    expect(otherFieldMessages({ documents: ["Choose at least one file."] }, [], { firmId: MEMBER, documents: [] }, "jointBid")).toEqual([
      "Scegli almeno un file da allegare.",
    ]);
  });
});
