import type { AppContext } from '../context.ts';

type StoredFile = { filename: string; size: number; type: string };

/**
 * Looks up files named in attachment values: only a file uploaded to this base may be put
 * in its records (its members can then download it), and the upload's size and type are
 * the truth, whatever the caller sent. One prepared lookup per distinct hash in a batch.
 */
export function resolveAttachmentFor(ctx: AppContext, baseId: string): (hash: string) => StoredFile | undefined {
  const seen = new Map<string, StoredFile | undefined>();
  return (hash) => {
    if (!seen.has(hash)) {
      seen.set(hash, ctx.db.first(
        ctx.db.kysely
          .selectFrom('attachments')
          .innerJoin('attachment_bases', 'attachment_bases.hash', 'attachments.hash')
          .select(['attachments.filename', 'attachments.size', 'attachments.type'])
          .where('attachments.hash', '=', hash)
          .where('attachment_bases.base_id', '=', baseId),
      ));
    }
    return seen.get(hash);
  };
}
