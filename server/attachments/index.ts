// Attachments: uploaded files, stored by content hash under the data dir.
export { uploadAttachment, openAttachment, MAX_UPLOAD_BYTES, type UploadInput, type OpenedAttachment } from './attachments.service.ts';
export { attachmentPath } from './file-store.ts';
