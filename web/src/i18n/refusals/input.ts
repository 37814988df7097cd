// Refusals of any request's input: Marketplace.Abstractions/Outcome.cs and Marketplace.Server/Endpoints.
import type { RefusalTexts } from "./texts";

export const input = {
  "input.invalidFields": { it: "Alcuni campi non sono validi.", en: "One or more fields are invalid." },
  "input.fieldRequired": { it: "Questo campo è obbligatorio.", en: "This field is required." },
} satisfies RefusalTexts;
