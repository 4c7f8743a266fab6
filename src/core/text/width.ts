/** East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms): two columns in a terminal. */
export const EAST_ASIAN_WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Whether a grapheme takes two terminal columns: East Asian wide characters and emoji. */
export function isWide(grapheme: string): boolean {
  return EAST_ASIAN_WIDE.test(grapheme) || /\p{Extended_Pictographic}/u.test(grapheme);
}
