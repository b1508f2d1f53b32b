// Severity radio group that shows each level's criteria, so the commander classifies by the same rules every time.
import { severities, severityCriteria, type Severity } from '../../../shared/incidents/severity';

export function SeverityPicker({ value, onChange }: { value: Severity; onChange: (s: Severity) => void }) {
  return (
    <fieldset className="severity-picker">
      <legend>Severity</legend>
      {severities.map((s) => (
        <label key={s} className={`severity-option sev-${s.toLowerCase()}`}>
          <input type="radio" name="severity" value={s} checked={value === s} onChange={() => onChange(s)} />
          <span className="severity-name">
            {s} · {severityCriteria[s].label}
          </span>
          <span className="severity-criteria">{severityCriteria[s].criteria}</span>
        </label>
      ))}
    </fieldset>
  );
}
