import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { BASE_ROLES, emailSchema, getUserByEmail, requireBaseAccess, type Actor, type BaseRole } from '../auth/index.ts';
import { countOwners, deleteMember, findMember, findMembers, insertMember, updateMemberRole, type MemberRow } from './members.repository.ts';

export const addMemberInput = z.strictObject({ email: emailSchema, role: z.enum(BASE_ROLES) });
export type AddMemberInput = z.infer<typeof addMemberInput>;
export const updateMemberInput = z.strictObject({ role: z.enum(BASE_ROLES) });
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

export interface MemberInfo {
  userId: string;
  email: string;
  name: string;
  role: BaseRole;
  createdAt: string;
}

function toInfo(row: MemberRow): MemberInfo {
  return { userId: row.user_id, email: row.email, name: row.name, role: row.role as BaseRole, createdAt: row.created_at };
}

function lastOwner(): AppError {
  return new AppError('CONFLICT', 'a base needs at least one owner; make someone else owner first');
}

/** Every member may see who else is in the base (user fields and mentions need it). */
export function listMembers(ctx: AppContext, actor: Actor, baseId: string): MemberInfo[] {
  requireBaseAccess(ctx, actor, baseId, 'readSchema');
  return findMembers(ctx.db, baseId).map(toInfo);
}

/** Adds an existing account; accounts are created by sign-up or by an admin, never here. */
export function addMember(ctx: AppContext, actor: Actor, baseId: string, input: AddMemberInput): MemberInfo {
  requireBaseAccess(ctx, actor, baseId, 'manageMembers');
  const user = getUserByEmail(ctx, input.email);
  if (!user) {
    throw new AppError('NOT_FOUND', `no account uses ${input.email}; they need to sign up, or an admin can create the account`, { field: 'email' });
  }
  return ctx.db.transaction(() => {
    if (findMember(ctx.db, baseId, user.id)) throw new AppError('CONFLICT', `${input.email} is already a member of this base`, { field: 'email' });
    insertMember(ctx.db, { base_id: baseId, user_id: user.id, role: input.role, created_at: new Date().toISOString() });
    recordAudit(ctx, { actorId: actor.userId, action: 'member.added', baseId, target: user.id, details: { email: user.email, role: input.role } });
    return toInfo(findMember(ctx.db, baseId, user.id)!);
  });
}

export function updateMember(ctx: AppContext, actor: Actor, baseId: string, userId: string, input: UpdateMemberInput): MemberInfo {
  requireBaseAccess(ctx, actor, baseId, 'manageMembers');
  return ctx.db.transaction(() => {
    const member = findMember(ctx.db, baseId, userId);
    if (!member) throw notFound('member');
    if (member.role === input.role) return toInfo(member);
    if (member.role === 'owner' && countOwners(ctx.db, baseId) === 1) throw lastOwner();
    updateMemberRole(ctx.db, baseId, userId, input.role);
    recordAudit(ctx, { actorId: actor.userId, action: 'member.updated', baseId, target: userId, details: { email: member.email, role: [member.role, input.role] } });
    // Open sockets re-check what they may do once the new role is visible to them.
    ctx.db.afterCommit(() => ctx.events.emit('access', { userId, baseId, reason: 'role-changed' }));
    return toInfo({ ...member, role: input.role });
  });
}

/** Owners remove anyone; every member may remove themself (leave). */
export function removeMember(ctx: AppContext, actor: Actor, baseId: string, userId: string): void {
  requireBaseAccess(ctx, actor, baseId, userId === actor.userId ? 'leaveBase' : 'manageMembers');
  ctx.db.transaction(() => {
    const member = findMember(ctx.db, baseId, userId);
    if (!member) throw notFound('member');
    if (member.role === 'owner' && countOwners(ctx.db, baseId) === 1) throw lastOwner();
    deleteMember(ctx.db, baseId, userId);
    recordAudit(ctx, { actorId: actor.userId, action: 'member.removed', baseId, target: userId, details: { email: member.email, role: member.role } });
    // Their open sockets to the base's tables and records close once the removal is committed.
    ctx.db.afterCommit(() => ctx.events.emit('access', { userId, baseId, reason: 'member-removed' }));
  });
}
