export { EventBus } from './event-bus.ts';
export type * from './record-change.ts';
export type * from './access-change.ts';
export { CHANGE_ORIGINS } from './record-change.ts';
