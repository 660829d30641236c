// The bases capability: bases and their members.
export {
  listBases, listBasesWithTables, createBase, getBase, updateBase, deleteBase,
  createBaseInput, updateBaseInput, DEFAULT_TIME_ZONE, type BaseInfo, type BaseWithTables,
} from './bases.service.ts';
export {
  listMembers, addMember, updateMember, removeMember, addMemberInput, updateMemberInput, type MemberInfo,
} from './members.service.ts';
