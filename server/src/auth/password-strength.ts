// Password strength on every path that sets one (createUser, updateUser, RECTIFY_ADMIN_PASSWORD): zxcvbn-ts with
// its common-password and keyboard lists plus names of this product; a password must score 3 of 4 or more.
// Invariant: length alone (e.g. "aaaaaaaaaa", "1234567890") never passes.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const MIN_SCORE = 3;

// Words anyone would try first on this system: its names, in Chinese and pinyin, and the admin account.
const PRODUCT_WORDS = [
  "rectify",
  "zhenggaitong",
  "zhenggai",
  "整改通",
  "整改",
  "xunshi",
  "xuncha",
  "admin",
  "password",
];

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, product: PRODUCT_WORDS },
  graphs: adjacencyGraphs,
});

/** null when strong enough; otherwise a short reason (in English, as the other validation messages). */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  if (password.length < 10) return "a password needs at least 10 characters";
  const result = zxcvbn.check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  return `this password is too easy to guess (strength ${result.score} of 4, at least ${MIN_SCORE} needed); use several unrelated words or a longer mix`;
}
