// Cue patterns are written as tagged templates so shared fragments (GAP, placeholders) compose.

/** Builds a RegExp from a raw template: rx`\bcopy\b${GAP}invoice`. */
export function rx(strings: TemplateStringsArray, ...values: string[]): RegExp {
  return new RegExp(String.raw({ raw: strings.raw }, ...values));
}

/** Up to 30 characters within one sentence. */
export const GAP = String.raw`[^.?!\n]{0,30}`;
/** Up to 60 characters within one sentence. */
export const LONG_GAP = String.raw`[^.?!\n]{0,60}`;
/** A reference or number placeholder (see ../text/placeholders.ts). */
export const REF = String.raw`(?:#ref|#num)`;
