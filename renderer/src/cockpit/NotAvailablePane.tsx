// A pane whose capability is not built or not configured yet: says so plainly, never shows fake data.
export function NotAvailablePane({ title, reason, id }: { title: string; reason: string; id: string }) {
  return (
    <section className="pane pane-unavailable" aria-labelledby={`${id}-title`} data-pane={id}>
      <header className="pane-header">
        <h2 id={`${id}-title`}>{title}</h2>
      </header>
      <p className="unavailable-text">Not available yet. {reason}</p>
    </section>
  );
}
