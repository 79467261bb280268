// One yes/no naive Bayes classifier per intent (one-vs-rest, so an email can carry several
// intents), built on natural's BayesClassifier over our own multilingual features.
import Bayes from 'natural/lib/natural/classifiers/bayes_classifier.js';
import type { Vocabulary } from './vocabulary.js';

type ApparatusBayes = InstanceType<typeof Bayes>['classifier'];

/** natural's trained state, as stored in model.json (feature counts keyed by vocabulary position). */
export interface SerializedBayes {
  classFeatures: Record<string, Record<string, number>>;
  classTotals: Record<string, number>;
  totalExamples: number;
  smoothing: number;
}

/** The classifier's verdict on one feature set. */
export interface BayesScore {
  /** Natural-log odds of the intent given the features. */
  logOdds: number;
  /** Log-odds before seeing any feature (the class balance of the training data). */
  prior: number;
  /** How many of the features the classifier knew. */
  known: number;
}

/** A training example for one intent: vocabulary positions of its features. */
export interface BinaryExample {
  positions: readonly number[];
  positive: boolean;
}

const YES = 'yes';
const NO = 'no';
/** natural multiplies the likelihoods of all features before one exp; chunks keep that above underflow. */
const CHUNK = 40;

/** Naive Bayes log-odds that a feature set belongs to one intent. */
export class BinaryBayes {
  private readonly priorLogOdds: number;

  private constructor(
    private readonly core: ApparatusBayes,
    private readonly vocabulary: Vocabulary,
  ) {
    this.priorLogOdds = this.chunkLogOdds([]);
  }

  /** Trains on examples in the order given. natural's dense (array) observations are used: its sparse form does not count documents. */
  static train(vocabulary: Vocabulary, examples: readonly BinaryExample[], smoothing: number): BinaryBayes {
    const nb = new Bayes(undefined, smoothing);
    for (const ex of examples) nb.classifier.addExample(vocabulary.observation(ex.positions), ex.positive ? YES : NO);
    return new BinaryBayes(nb.classifier, vocabulary);
  }

  /** Rebuilds a classifier from model.json (the argument is copied, never mutated). */
  static restore(state: SerializedBayes, vocabulary: Vocabulary): BinaryBayes {
    const restored = Bayes.restore({ classifier: structuredClone(state), docs: [], features: {} });
    return new BinaryBayes(restored.classifier, vocabulary);
  }

  /** Natural-log odds of "yes" against "no" for the given vocabulary positions. */
  logOdds(positions: readonly number[]): BayesScore {
    let sum = this.priorLogOdds;
    for (let i = 0; i < positions.length; i += CHUNK) sum += this.chunkLogOdds(positions.slice(i, i + CHUNK)) - this.priorLogOdds;
    return { logOdds: sum, prior: this.priorLogOdds, known: positions.length };
  }

  /** The trained state for model.json. */
  toJSON(): SerializedBayes {
    const { classFeatures, classTotals, totalExamples, smoothing } = this.core;
    return structuredClone({ classFeatures, classTotals, totalExamples, smoothing });
  }

  private chunkLogOdds(positions: readonly number[]): number {
    let yes = 0;
    let no = 0;
    for (const c of this.core.getClassifications(this.vocabulary.observation(positions))) {
      if (c.label === YES) yes = c.value;
      else if (c.label === NO) no = c.value;
    }
    return Math.log(yes) - Math.log(no);
  }
}
