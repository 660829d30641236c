// The client half of collab, for the grid (browser) and for Node (tests, bench, scripts).
export { CollabClient, collabUrl, type AccessEnd, type CollabClientOptions, type Handlers, type RecordDocHandle, type TableChannel } from './collab-client.ts';
export { readField } from './record-fields.ts';
export * from '../protocol.ts';
