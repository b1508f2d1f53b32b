// The service form opened through the UI store (from the rollback pane or a runbook step): finds the entry to edit by name.
import { useUiStore } from '../../state/ui-store';
import { ServiceEditorDialog } from './ServiceEditorDialog';
import { useServices } from './rollback-queries';

export function ServiceEditorFromStore({ onClose }: { onClose: () => void }) {
  const target = useUiStore((s) => s.serviceEditor);
  const services = useServices();
  if ('name' in target) {
    if (!services.data) return null;
    const service = services.data.services.find((s) => s.name.toLowerCase() === target.name.toLowerCase());
    return <ServiceEditorDialog key={target.name} service={service} suggestedName={target.name} onClose={onClose} />;
  }
  return <ServiceEditorDialog service={undefined} suggestedName={target.suggestedName} onClose={onClose} />;
}
