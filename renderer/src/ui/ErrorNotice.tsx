// Shows a failed call as a clear, actionable message with its code and details.
import { CallError } from '../api/client';

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const appError = error instanceof CallError ? error.error : { code: 'internal', message: String((error as Error).message ?? error) };
  return (
    <div className="error-notice" role="alert">
      <strong>{title ?? 'Something went wrong'}</strong>
      <span className="error-code">{appError.code}</span>
      <p>{appError.message}</p>
      {'details' in appError && appError.details && appError.details.length > 1 ? (
        <ul>
          {appError.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
