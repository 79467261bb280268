// natural's root module loads its storage back ends, which read .env into process.env at import
// time (dotenv), so we import only the classifier and the stemmers, by path. natural's own type
// declarations pull in .ts sources that do not compile under our settings, so the little we use
// is declared here.
declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  /** An observation: 0/1 per feature position. */
  type Observation = number[];

  /** apparatus' naive Bayes, which natural wraps. */
  interface ApparatusBayesClassifier {
    classFeatures: Record<string, Record<string, number>>;
    classTotals: Record<string, number>;
    totalExamples: number;
    smoothing: number;
    addExample(observation: Observation, label: string): void;
    getClassifications(observation: Observation): Array<{ label: string; value: number }>;
  }

  class BayesClassifier {
    constructor(stemmer?: unknown, smoothing?: number);
    classifier: ApparatusBayesClassifier;
    static restore(classifier: Record<string, unknown>): BayesClassifier;
  }
  export default BayesClassifier;
}

declare module 'natural/lib/natural/stemmers/*' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
