// Refusals of the association's announcements to its space (Marketplace.Grains/Spaces/AnnouncementRules.cs).
import type { RefusalTexts } from "./texts";

export const announcements = {
  "announcement.notVisible": {
    it: "Gli avvisi dello spazio sono per le persone delle sue imprese membri e per i suoi amministratori.",
    en: "The space's announcements are for the people of its member firms and its admins.",
  },
  "announcement.notFound": { it: "Questo spazio non ha questo avviso.", en: "This space has no such announcement." },
  "announcement.changedMeanwhile": {
    it: "Un altro amministratore ha modificato questo avviso nel frattempo: rileggilo prima di cambiarlo.",
    en: "Another admin changed this announcement meanwhile: read it again before you change it.",
  },
  "announcement.titleLength": {
    it: "Un titolo da {min:number} a {max:number} caratteri, su una riga.",
    en: "A title of {min:number} to {max:number} characters on one line.",
  },
  "announcement.textLength": {
    it: "Un testo da {min:number} a {max:number} caratteri.",
    en: "A text of {min:number} to {max:number} characters.",
  },
} satisfies RefusalTexts;
