// The collab server's public surface: the HTTP entry attaches it, tests inspect it.
export { attachCollab, COLLAB_PATH, type CollabOptions, type CollabServer } from './collab-server.ts';
export { SERVER_ORIGIN, isCollaborativeText } from './doc-values.ts';
