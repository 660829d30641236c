export { recordAudit, listAudit, AUDIT_ACTIONS, type AuditAction, type AuditEntry, type AuditEvent } from './audit.service.ts';
