/** Han ideographs (CJK unified, extension A and compatibility); enough to tell Mandarin text from Latin text. */
export function isCjkCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export function containsCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) return true;
  return false;
}

export type Script = 'latin' | 'cjk';
