// The notice board's form as the page keeps it, and the request it sends: the server judges every field and names
// the ones it refuses; the page only reads what was typed.
import { coded, type FieldErrors } from "../../api/problem";
import type { CapabilityDto, ComuneDto, EditPostRequest, PostDto, PostKind, PublishPostRequest } from "../../api/types";
import { parseAmount } from "../showcase/showcase";

export interface PostForm {
  kind: PostKind;
  title: string;
  text: string;
  cpv: CapabilityDto[];
  comune: ComuneDto | null;
  amount: string;
  /** yyyy-mm-dd, as the date input gives it. */
  expiresOn: string;
  tenderId: string;
}

export const emptyPostForm = (kind: PostKind = "Offer"): PostForm => ({
  kind,
  title: "",
  text: "",
  cpv: [],
  comune: null,
  amount: "",
  expiresOn: "",
  tenderId: "",
});

/** The post as its poster edits it. */
export const formFromPost = (post: PostDto): PostForm => ({
  kind: post.post.kind,
  title: post.post.title,
  text: post.post.text,
  cpv: post.post.cpv,
  comune: post.post.comune,
  amount: post.post.value ? String(post.post.value.amount) : "",
  expiresOn: post.post.expiresOn,
  tenderId: post.post.tenderId ?? "",
});

type Details = Omit<PublishPostRequest, "firmId">;

/** The details a form sends; an amount that is no number is refused here, as the server would. */
export function buildPostDetails(form: PostForm): { body: Details } | { errors: FieldErrors } {
  let value: Details["value"] = null;
  if (form.amount.trim() !== "") {
    const amount = parseAmount(form.amount);
    if (Number.isNaN(amount)) return { errors: { "value.amount": [coded("money.amount")] } };
    value = { amount, currency: "EUR" };
  }
  return {
    body: {
      kind: form.kind,
      title: form.title.trim(),
      text: form.text.trim(),
      cpv: form.cpv.map((c) => c.code),
      comuneCode: form.comune?.code ?? null,
      value,
      expiresOn: form.expiresOn.trim() === "" ? null : form.expiresOn.trim(),
      tenderId: form.tenderId === "" ? null : form.tenderId,
    },
  };
}

export const publishRequest = (firmId: string, details: Details): PublishPostRequest => ({ firmId, ...details });

export const editRequest = (version: number, details: Details): EditPostRequest => ({ version, ...details });
