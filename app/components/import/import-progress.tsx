import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../ui/api-client.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { cancelImport, errorsCsvUrl, getImport } from './import-api.ts';
import { addSample, durationParts, progressOf, timeLeftMs, type ProgressSample } from './import-progress-math.ts';
import { isFinal, type ImportJob } from './import-types.ts';
import { repairFileName } from './display-name.ts';
import { formatBytes } from './format-bytes.ts';

/** How often a running job is asked how far it is. */
const POLL_MS = 400;
/** A job that ended this recently still counts as just finished (a reload during its end). */
const FRESH_MS = 60_000;
/** Errors listed in the dialog; the CSV report has them all. */
const INLINE_ERRORS = 5;

/**
 * A job's progress while it runs (a progress bar with rows, bytes and time left, and
 * Cancel), then how it ended: counts, the tables it made, the first errors and the whole
 * report as a download; a failure or a cancel says that nothing was kept.
 */
export function ImportProgress({ jobId, baseId, onFinished, onOpenTable }: {
  jobId: string;
  baseId: string;
  /**
   * Once, when the job is first seen ended. `fresh`: it ended while this page watched, or
   * moments ago (a reload during its last seconds), not an old result shown again.
   */
  onFinished(job: ImportJob, fresh: boolean): void;
  onOpenTable(tableId: string): void;
}) {
  const { t, i18n } = useTranslation();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const samples = useRef<ProgressSample[]>([]);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const reported = useRef<string | null>(null);
  const sawRunning = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    samples.current = [];
    const poll = async () => {
      try {
        const next = await getImport(jobId, controller.signal);
        if (controller.signal.aborted) return;
        setProblem(null);
        setJob(next);
        samples.current = addSample(samples.current, { at: performance.now(), done: progressOf(next).done });
        if (isFinal(next.status)) {
          // The effect runs again when the language changes; the end is reported once.
          if (reported.current !== next.id) {
            reported.current = next.id;
            const recent = next.finishedAt !== null && Date.now() - Date.parse(next.finishedAt) < FRESH_MS;
            finished.current(next, sawRunning.current || recent);
          }
          return;
        }
        sawRunning.current = true;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) {
          setGone(true);
          return;
        }
        // A dropped connection or a restarting server: say so and keep asking.
        setProblem(apiErrorText(t, error));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId, t]);

  const cancel = async () => {
    setCancelling(true);
    try {
      setJob(await cancelImport(jobId));
    } catch (error) {
      // 409: it ended meanwhile; the next poll shows how.
      if (!(error instanceof ApiError && error.status === 409)) {
        setProblem(apiErrorText(t, error));
        setCancelling(false);
      }
    }
  };

  if (gone) return <p className="form-error" role="alert">{t('imports.gone')}</p>;
  if (!job) return <p className="muted" role="status">{problem ?? t('imports.loadingJob')}</p>;

  if (isFinal(job.status)) return <ImportSummary job={job} baseId={baseId} onOpenTable={onOpenTable} />;

  const progress = progressOf(job);
  const left = timeLeftMs(samples.current, progress.total);
  const locale = i18n.language;
  const amount = progress.unit === 'rows'
    ? t('imports.rowsOfTotal', { count: job.rowsDone, total: progress.total })
    : t('imports.rowsAndBytes', { count: job.rowsDone, done: formatBytes(job.bytesDone, locale), total: formatBytes(job.bytesTotal, locale) });
  return (
    <div className="import-progress">
      <p className="import-status">
        {job.status === 'queued' ? t('imports.queued') : cancelling ? t('imports.cancelling') : t('imports.running', { file: repairFileName(job.fileName) })}
      </p>
      <div
        className="import-bar"
        role="progressbar"
        aria-label={t('imports.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${progress.percent}% · ${amount}`}
      >
        <div className="import-bar-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p className="import-amount">
        <span>{amount}</span>
        <span className="muted">{left === null ? t('imports.estimating') : <TimeLeft ms={left} />}</span>
      </p>
      {problem ? <p className="form-error" role="alert">{problem}</p> : null}
      <div className="import-actions">
        <button type="button" className="button danger" disabled={cancelling} onClick={() => void cancel()}>
          {cancelling ? t('imports.cancelling') : t('imports.cancel')}
        </button>
        <p className="muted small">{t('imports.keepsRunning')}</p>
      </div>
    </div>
  );
}


function TimeLeft({ ms }: { ms: number }) {
  const { t } = useTranslation();
  const { minutes, seconds } = durationParts(ms);
  return <>{minutes > 0 ? t('imports.timeLeftMinutes', { minutes, seconds }) : t('imports.timeLeftSeconds', { seconds })}</>;
}

function ImportSummary({ job, baseId, onOpenTable }: { job: ImportJob; baseId: string; onOpenTable(tableId: string): void }) {
  const { t } = useTranslation();
  if (job.status === 'failed' || job.status === 'cancelled') {
    return (
      <div className="import-summary" role="status">
        <p className="import-outcome failed">{job.status === 'failed' ? t('imports.failed') : t('imports.cancelled')}</p>
        {job.failure ? <p className="form-error">{t('imports.failureReason', { reason: job.failure })}</p> : null}
        <p>{t('imports.nothingImported')}</p>
      </div>
    );
  }
  return (
    <div className="import-summary" role="status">
      <p className="import-outcome done">{t('imports.done')}</p>
      <ul className="import-counts">
        <li>{t('imports.createdCount', { count: job.created })}</li>
        <li>{t('imports.updatedCount', { count: job.updated })}</li>
        <li>{t('imports.skippedCount', { count: job.skipped })}</li>
      </ul>
      {job.tables.length ? (
        <div>
          <p>{t('imports.tablesHeading')}</p>
          <ul className="import-tables">
            {job.tables.map((table) => (
              <li key={table.id}>
                <Link to={`/bases/${baseId}/tables/${table.id}`} onClick={() => onOpenTable(table.id)}>{table.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {job.errorCount > 0 ? (
        <div className="import-errors">
          <p className="count-failed">{t('imports.errorCount', { count: job.errorCount })}</p>
          <table className="import-error-list">
            <caption className="visually-hidden">{t('imports.errorsCaption')}</caption>
            <thead>
              <tr>
                {job.errors.some((error) => error.sheet) ? <th scope="col">{t('imports.errorSheet')}</th> : null}
                <th scope="col">{t('imports.errorRow')}</th>
                <th scope="col">{t('imports.errorColumn')}</th>
                <th scope="col">{t('imports.errorValue')}</th>
                <th scope="col">{t('imports.errorReason')}</th>
              </tr>
            </thead>
            <tbody>
              {job.errors.slice(0, INLINE_ERRORS).map((error, i) => (
                <tr key={i}>
                  {job.errors.some((entry) => entry.sheet) ? <td>{error.sheet ?? ''}</td> : null}
                  <td>{error.row}</td>
                  <td>{error.column}</td>
                  <td className="import-error-value">{error.value}</td>
                  <td>{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <a className="button" href={errorsCsvUrl(job.id)} download>{t('imports.downloadErrors')}</a>
        </div>
      ) : null}
    </div>
  );
}
