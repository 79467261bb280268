// Runs the MailSource conformance suite against the in-memory test double, so the tests that
// use it stand on a source that behaves like the real ones.
import { MailSourceError } from '../../core/mail/mail-source.js';
import { MemoryMailSource } from '../support/memory-mail-source.js';
import { mailSourceSuite } from './mail-source.suite.js';

mailSourceSuite('memory (test double)', async () => {
  const shared = new MemoryMailSource();
  const broken = new MemoryMailSource();
  return {
    // A "restart" sees the same mailbox.
    open: () => shared,
    add: async (raws) => void shared.add(...raws),
    invalidate: (cursor) => ({ ...cursor, epoch: -1 }),
    failing: [{ what: 'an expired password', open: () => (broken.failures.push(new MailSourceError('auth', 'password expired')), broken), code: 'auth' }],
    teardown: async () => undefined,
  };
});
