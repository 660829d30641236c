export { action, loader } from './locale.server.ts';
