// Reading an Action.Execute's `data` (the button's data plus the card's inputs by id), which
// Teams sends as loosely typed JSON: the task and the record actions read their inputs alike.

/** A trimmed non-empty string (numbers as text), else undefined. Pure. */
export function dataText(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

/** A comma-, semicolon- or newline-separated input (a multi-select's "a,b"), or a list, as trimmed non-empty strings; undefined when the input is absent. Pure. */
export function dataList(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' && x.trim() !== '' ? [x.trim()] : []));
  if (typeof v !== 'string') return undefined;
  return v
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
