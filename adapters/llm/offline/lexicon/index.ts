// The cue lexicons of the seven languages the pipeline understands, and of Swedish (read, not answered in).
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { nl } from './nl.js';
import { pt } from './pt.js';
import { sv } from './sv.js';
import type { LanguageLexicon } from './types.js';

/** Every language's cues; all of them run on every email. */
export const LEXICONS: readonly LanguageLexicon[] = [en, fr, de, es, it, nl, pt, sv];
