/** One index a repository needs; `migrate` creates it at start-up. */
export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  partialFilterExpression?: Record<string, unknown>;
}

/** The indexes of one collection. */
export interface CollectionIndexes {
  collection: string;
  indexes: IndexSpec[];
}
