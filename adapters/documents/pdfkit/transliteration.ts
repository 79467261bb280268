// Latin spellings for letters Helvetica's WinAnsi encoding lacks and Unicode decomposition
// does not reduce to a base letter: a few Latin letters, Cyrillic and Greek.

const LATIN: Record<string, string> = {
  Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŋ: 'N', ŋ: 'n',
  ĸ: 'k', ſ: 's', Ŧ: 'T', ŧ: 't', Ə: 'E', ə: 'e', Ɛ: 'E', ɛ: 'e', Ĳ: 'IJ', ĳ: 'ij', ŉ: "'n",
};

const CYRILLIC_UPPER: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Е: 'E', Ё: 'Yo', Є: 'Ye', Ж: 'Zh', З: 'Z', И: 'I',
  І: 'I', Ї: 'Yi', Й: 'Y', К: 'K', Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T',
  У: 'U', Ф: 'F', Х: 'Kh', Ц: 'Ts', Ч: 'Ch', Ш: 'Sh', Щ: 'Shch', Ъ: '', Ы: 'Y', Ь: '', Э: 'E',
  Ю: 'Yu', Я: 'Ya', Ђ: 'Dj', Ј: 'J', Љ: 'Lj', Њ: 'Nj', Ћ: 'C', Џ: 'Dz', Ў: 'U',
};

const GREEK_UPPER: Record<string, string> = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'Th', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M',
  Ν: 'N', Ξ: 'X', Ο: 'O', Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'Ch', Ψ: 'Ps', Ω: 'O',
};

function withLowerCase(upper: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...upper };
  for (const [k, v] of Object.entries(upper)) out[k.toLowerCase()] = v.toLowerCase();
  return out;
}

/** Letter → Latin spelling; callers decompose accents (NFKD) before looking a letter up. */
export const TRANSLITERATION: Readonly<Record<string, string>> = {
  ...LATIN,
  ...withLowerCase(CYRILLIC_UPPER),
  ...withLowerCase(GREEK_UPPER),
  ς: 's',
};
