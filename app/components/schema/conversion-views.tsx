import { useTranslation } from 'react-i18next';
import type { ConversionSummary, FailureRow } from './conversion-summary.ts';

/** "N values convert, M cannot", the choices to be added, and before → after samples. */
export function ConversionPreviewView({ summary }: { summary: ConversionSummary }) {
  const { t } = useTranslation();
  if (summary.nothingToConvert) return <p className="notice">{t('schema.conversion.nothing')}</p>;
  return (
    <div className="conversion">
      <p className="conversion-counts" role="status">
        <span className="count-ok">{t('schema.conversion.willConvert', { count: summary.converted })}</span>{' '}
        {summary.failed ? <span className="count-failed">{t('schema.conversion.willFail', { count: summary.failed })}</span> : null}
      </p>
      {summary.failed ? <p className="muted small">{t('schema.conversion.keptInHistory')}</p> : null}
      {summary.addedChoices.length ? (
        <p className="small">{t('schema.conversion.newChoices', { names: summary.addedChoices.join(', ') })}</p>
      ) : null}
      {summary.rows.length ? (
        <table className="conversion-samples">
          <caption>{t('schema.conversion.samples')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('schema.conversion.record')}</th>
              <th scope="col">{t('schema.conversion.before')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col">{t('schema.conversion.after')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.recordId} className={row.failed ? 'failed' : undefined}>
                <td className="muted">{row.recordId}</td>
                <td>{row.before || <span className="muted">{t('schema.conversion.empty')}</span>}</td>
                <td aria-hidden="true">→</td>
                <td>
                  {row.failed ? <span className="badge danger">{t('schema.conversion.cannot')}</span> : row.after || <span className="muted">{t('schema.conversion.empty')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/** After saving: what converted, and which values could not (kept in the record history). */
export function ConversionResultView({ converted, failedCount, rows, more }: { converted: number; failedCount: number; rows: FailureRow[]; more: number }) {
  const { t } = useTranslation();
  return (
    <div className="conversion">
      <p role="status">
        <span className="count-ok">{t('schema.result.converted', { count: converted })}</span>{' '}
        {failedCount ? <span className="count-failed">{t('schema.result.failed', { count: failedCount })}</span> : null}
      </p>
      {rows.length ? (
        <table className="conversion-samples">
          <thead>
            <tr>
              <th scope="col">{t('schema.conversion.record')}</th>
              <th scope="col">{t('schema.result.value')}</th>
              <th scope="col">{t('schema.result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.recordId}>
                <td className="muted">{row.recordId}</td>
                <td>{row.value}</td>
                <td className="muted small">{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more ? <p className="muted small">{t('schema.result.more', { count: more })}</p> : null}
    </div>
  );
}
