import type { LocalityDto } from "../../api/types";

/** "Comune (PR)", the short form used in lists and chips. */
export const comuneLabel = (name: string, sigla: string | null): string => (sigla ? `${name} (${sigla})` : name);

/** "Comune (PR), Regione", the form used on the public page. */
export const localityLine = (locality: LocalityDto): string =>
  `${comuneLabel(locality.name, locality.provinceSigla)}, ${locality.regionName}`;

/** A link target for a website the owner typed, or null when it is not a plain http(s) address. */
export function websiteHref(website: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
