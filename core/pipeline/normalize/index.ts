// Stage 2 entry point.
export { normalizeEmail } from './normalize-email.js';
