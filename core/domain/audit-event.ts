/** Who did something: a person (user id) or the system (job or component name). */
export interface AuditActor {
  kind: 'user' | 'system';
  id: string;
}

/** What an audit event is about, e.g. { type: 'task', id }. */
export interface AuditSubject {
  type: string;
  id: string;
}

/** One entry of the tamper-evident audit log: `hash` chains over `prevHash`, per tenant, by `seq`. */
export interface AuditEvent {
  id: string;
  tenantId: string;
  seq: number;
  at: Date;
  actor: AuditActor;
  action: string;
  subject: AuditSubject;
  before?: unknown;
  after?: unknown;
  prevHash: string;
  hash: string;
}
