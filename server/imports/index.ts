// The imports capability: CSV and .xlsx uploads → inspected, planned, run as jobs through the write path.
export { createImport, previewImport, getImport, cancelImport, importErrors, recoverImports, ERRORS_PAGE } from './imports.service.ts';
export { receiveUpload, uploadsDir, type Upload } from './upload.ts';
export { IMPORT_LIMITS } from './limits.ts';
