// The exports capability: a table or view as a streamed CSV or .xlsx file.
export { exportTable, exportQuery, type ExportFile } from './export.service.ts';
export { attachmentDisposition, exportFileName } from './content-disposition.ts';
export { neutralize } from './neutralize.ts';
