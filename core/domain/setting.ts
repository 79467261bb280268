/** A runtime setting changed from chat or the dashboard (not start-up config). */
export interface Setting<T = unknown> {
  tenantId: string;
  key: string;
  value: T;
  updatedAt: Date;
  updatedBy?: string;
}
