import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/problem";
import type { JointDocumentDto, MemberRole } from "../../api/types";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import { allianceDto, LEAD, MEMBER, SUB } from "../alliances/test-fixtures";
import { MAX_JOINT_DOCUMENTS, mayDetach, roomFor, shortDigest } from "./documents";
import { refusedAction } from "../../i18n/refusals";
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

  it("say what a refused attach or detach means, by the refusal's code", () => {
    const refused = (status: number, code: string, args: Record<string, string> = {}) => new ApiError(status, "title", "detail", {}, code, args);
    expect(refusedAction(refused(403, "jointBid.notTheAttacher")).text()).toBe("Un'impresa allega solo i propri file, tramite il suo Titolare o un Gestore.");
    expect(refusedAction(refused(409, "jointBid.alreadyAttached", { name: "offerta.pdf" }))).toMatchObject({ reload: true });
    expect(refusedAction(refused(409, "jointBid.alreadyAttached", { name: "offerta.pdf" })).text()).toBe("offerta.pdf è già allegato.");
    expect(refusedAction(refused(404, "jointBid.noSuchDocument")).text()).toBe("Il file non è (più) allegato all'offerta congiunta.");
    setLanguage("en");
    expect(refusedAction(refused(409, "jointBid.closed")).text()).toBe("The tender no longer takes bids: the joint bid is closed.");
    setLanguage("it");
  });

  it("translate a refused file and the limit as the server sets it", () => {
    const coded = (code: string, args: Record<string, string> = {}) => [{ code, args, message: "in English" }];
    expect(fieldMessages({ "documents[1]": coded("document.notUploaded") }, "documents")).toEqual([
      "Nessun documento caricato da questa impresa ha questo identificativo.",
    ]);
    expect(otherFieldMessages({ documents: coded("jointBid.tooManyFiles", { max: "20" }) }, [])).toEqual(["Un'offerta ha al massimo 20 documenti."]);
    expect(otherFieldMessages({ documents: coded("jointBid.noFiles") }, [])).toEqual(["Scegli almeno un file da allegare."]);
  });
});
