import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/problem";
import { fieldMessages, otherFieldMessages } from "../../field-errors";
import { setLanguage } from "../../i18n";
import { shortDigest } from "./documents";
import { refusedAction } from "../../i18n/refusals";

const SHA = "0123456789abcdef".repeat(4);

describe("the joint bid's documents", () => {
  beforeAll(() => {
    vi.stubGlobal("localStorage", { setItem: () => undefined });
    vi.stubGlobal("document", { documentElement: { lang: "" } });
    setLanguage("it");
  });
  afterAll(() => vi.unstubAllGlobals());

  it("show a file's digest by its first 12 hex characters", () => {
    expect(shortDigest(SHA)).toBe("0123456789ab");
    expect(shortDigest(SHA.toUpperCase())).toBe("0123456789ab");
    expect(shortDigest("abc")).toBe("abc");
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
