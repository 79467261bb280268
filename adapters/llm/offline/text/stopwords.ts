// Articles, prepositions and conjunctions carry no intent; dropping them lets bigrams such as
// "copy invoice" match "copy of the invoice". Pronouns and auxiliaries are function words: alone
// they say nothing ("we", "have"), but next to a verb they do ("we paid", "have you received"), so
// they only take part in bigrams.
import type { KnownLanguage } from './language-guess.js';

const WORDS: Record<KnownLanguage, string> = {
  en: 'a an the of to in on at by for from with and or as this that these those is are be',
  fr: 'le la les l un une des de du d a au aux en et ou par pour sur avec ce cet cette ces est',
  de: 'der die das den dem des ein eine einen einem einer eines und oder zu zum zur im in am an auf mit von vom fur',
  es: 'el la los las lo un una unos unas de del al a en y o por para con que',
  it: 'il lo la i gli le l un una uno di del della dello dei degli delle da dal dalla a al alla ai in nel nella e o per con che',
  nl: 'de het een van voor in op aan met en of te bij dat die deze dit',
  pt: 'o a os as um uma uns umas de do da dos das em no na nos nas ao aos e ou por para com que',
  sv: 'en ett den det de och eller i pa av for till fran med om som att vid hos under',
};

const SETS: Record<KnownLanguage, ReadonlySet<string>> = {
  en: new Set(WORDS.en.split(' ')),
  fr: new Set(WORDS.fr.split(' ')),
  de: new Set(WORDS.de.split(' ')),
  es: new Set(WORDS.es.split(' ')),
  it: new Set(WORDS.it.split(' ')),
  nl: new Set(WORDS.nl.split(' ')),
  pt: new Set(WORDS.pt.split(' ')),
  sv: new Set(WORDS.sv.split(' ')),
};

const FUNCTION_WORDS: Record<KnownLanguage, string> = {
  en: 'i we you he she it they me us our your my their its is are was were be been being have has had do does did will would can could shall should may might am',
  fr: 'je j nous vous il elle ils elles on me m moi notre nos votre vos mon ma mes leur leurs est sont etait ete etre avons avez ai as ont avait fait faire pouvez pourriez peut pouvons sera serait suis',
  de: 'ich wir sie er es ihr uns unser unsere unseren unserer ihre ihren ihrer mein meine ist sind war waren haben hat habe hatten hatte wird werden wurde wurden kann konnen konnten bin',
  es: 'yo nosotros nosotras usted ustedes nos les le me mi mis nuestra nuestro nuestras nuestros su sus es son fue fueron ha han hemos he hay puede pueden podrian podria estamos esta estan',
  it: 'io noi voi lei ci vi mi nostro nostra nostri nostre vostro vostra vostri vostre suo sua sono era abbiamo avete ho ha hanno potete potreste puo siamo',
  nl: 'ik wij we jullie u hij zij ons onze uw mijn is zijn was waren heb hebben heeft hebt wordt worden werd kan kunnen kunt zou zouden ben',
  pt: 'eu nos voces vos lhe lhes me nosso nossa nossos nossas vosso vossa seu sua seus suas sao foi foram temos tem ha podem poderiam pode estamos esta estao',
  sv: 'jag vi ni du han hon oss er ert era var vart vara min mitt mina dess ar var varit har hade ha kan kunde ska skulle vill blir blev',
};

const FUNCTION_SETS: Record<KnownLanguage, ReadonlySet<string>> = {
  en: new Set(FUNCTION_WORDS.en.split(' ')),
  fr: new Set(FUNCTION_WORDS.fr.split(' ')),
  de: new Set(FUNCTION_WORDS.de.split(' ')),
  es: new Set(FUNCTION_WORDS.es.split(' ')),
  it: new Set(FUNCTION_WORDS.it.split(' ')),
  nl: new Set(FUNCTION_WORDS.nl.split(' ')),
  pt: new Set(FUNCTION_WORDS.pt.split(' ')),
  sv: new Set(FUNCTION_WORDS.sv.split(' ')),
};

/** True for pronouns and auxiliaries: meaningful in a bigram, not alone. */
export function isFunctionWord(word: string, language: KnownLanguage): boolean {
  return FUNCTION_SETS[language].has(word);
}

/** True for words of the language that carry no intent. */
export function isStopword(word: string, language: KnownLanguage): boolean {
  return SETS[language].has(word);
}
