import { formatRecordId } from '../../core/record-id.ts';
import type { FieldValues } from '../events/index.ts';
import { toStoredRecord, type RawRow } from '../records/index.ts';
import type { BoardView } from './board-view.ts';

/** A record as a card: what the card shows and what places it, nothing more. */
export interface Card {
  id: string;
  version: number;
  values: FieldValues;
}

export function toCard(board: BoardView, row: RawRow): Card {
  const record = toStoredRecord(board.schema, row, board.cardFields);
  return { id: formatRecordId(record.id), version: record.version, values: record.values };
}
