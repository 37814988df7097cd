// Names for the server's DTOs, all taken from the generated OpenAPI schema (npm run gen:api).
import type { components } from "./schema";

type Schemas = components["schemas"];

type Dto<Name extends keyof Schemas> = Schemas[Name];

export type MeDto = Dto<"MeDto">;
export type DirectoryPageDto = Dto<"DirectoryPageDto">;
export type DirectoryEntryDto = Dto<"DirectoryEntryDto">;
export type CreateBusinessRequest = Dto<"CreateBusinessRequest">;
export type BusinessProfileDto = Dto<"BusinessProfileDto">;
/** A CPV code with both labels: a business's capability, and a CPV search result. */
export type CapabilityDto = Dto<"CapabilityDto">;
export type LocalityDto = Dto<"LocalityDto">;
export type EditProfileRequest = Dto<"EditProfileRequest">;
export type MyBusinessDto = Dto<"MyBusinessDto">;
export type BusinessMemberDto = Dto<"BusinessMemberDto">;
export type AddMemberRequest = Dto<"AddMemberRequest">;
export type ComuneDto = Dto<"ComuneDto">;

// Enums are read off the DTO properties so that only the DTO names are part of the contract.
export type BusinessKind = BusinessProfileDto["kind"];
export type BusinessSize = NonNullable<DirectoryEntryDto["size"]>;
export type MemberRole = MyBusinessDto["role"];
