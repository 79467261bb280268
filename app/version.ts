import pkg from '../package.json' with { type: 'json' };

/** arbot's version, as published in package.json. */
export const version: string = pkg.version;
