// Errors of a template file, naming the file, at load time (compile or check) and at render time.

/** A template could not be loaded: the message names the file and the problem. */
export class TemplateLoadError extends Error {
  override readonly name = 'TemplateLoadError';
  constructor(
    readonly file: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`template ${file}: ${problem}`, options);
  }
}

/** A template failed while rendering: the message names the innermost file that failed. */
export class TemplateRenderError extends Error {
  override readonly name = 'TemplateRenderError';
  constructor(
    readonly file: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`template ${file}: ${problem}`, options);
  }
}
