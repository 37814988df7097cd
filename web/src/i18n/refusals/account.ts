// Refusals of accounts (sign-up, sign-in, passwords): Marketplace.Server/Auth/AccountRefusals.cs, which codes
// ASP.NET Core Identity's errors.
import type { RefusalTexts } from "./texts";

export const account = {
  "account.invalidEmail": { it: "Indirizzo e-mail non valido.", en: "This e-mail address is not valid." },
  "account.displayNameRequired": {
    it: "Scrivi il nome con cui ti vedranno gli altri.",
    en: "Write the name others will see you by.",
  },
  "account.displayNameTooLong": {
    it: "Il nome può avere al massimo {max:number} caratteri.",
    en: "A name has at most {max:number} characters.",
  },
  "account.passwordTooShort": {
    it: "La password deve avere almeno {min:number} caratteri.",
    en: "The password must be at least {min:number} characters long.",
  },
  "account.passwordRequiresDigit": {
    it: "La password deve contenere almeno una cifra (0-9).",
    en: "The password must contain at least one digit (0-9).",
  },
  "account.passwordRequiresLower": {
    it: "La password deve contenere almeno una lettera minuscola.",
    en: "The password must contain at least one lowercase letter.",
  },
  "account.passwordRequiresUpper": {
    it: "La password deve contenere almeno una lettera maiuscola.",
    en: "The password must contain at least one uppercase letter.",
  },
  "account.passwordRequiresNonAlphanumeric": {
    it: "La password deve contenere almeno un simbolo (ad es. ! o #).",
    en: "The password must contain at least one symbol (e.g. ! or #).",
  },
  "account.passwordRequiresUniqueChars": {
    it: "La password deve contenere almeno {min:number} caratteri diversi.",
    en: "The password must contain at least {min:number} different characters.",
  },
  "account.passwordTooCommon": {
    it: "Questa password è troppo comune: è tra le prime che un attaccante prova. Scegli una frase tua.",
    en: "This password is too common: attackers try it first. Choose a phrase of your own.",
  },
  "account.passwordMismatch": { it: "La password attuale non è corretta.", en: "The current password is not correct." },
  "account.invalidToken": {
    it: "Questo link o codice non è valido: chiedine uno nuovo.",
    en: "This link or code is not valid: ask for a new one.",
  },
  "account.signInFailed": { it: "E-mail o password non corretti.", en: "Wrong e-mail or password." },
  "account.lockedOut": {
    it: "Troppi tentativi errati per questo account dalla tua connessione. Riprova più tardi.",
    en: "Too many wrong attempts for this account from your connection. Try again later.",
  },
  // The one reason a right password does not sign in: the address is not confirmed yet.
  "account.notAllowed": {
    it: "Prima conferma il tuo indirizzo e-mail: apri il link che ti abbiamo mandato, o chiedine uno nuovo.",
    en: "Confirm your e-mail address first: open the link we sent you, or ask for a new one.",
  },
} satisfies RefusalTexts;
