// Hand over command of the open incident to another person; the handover is an event on the timeline.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getClient } from '../api/client';
import { queryKeys, useIncident } from '../api/queries';
import { Dialog } from '../ui/Dialog';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useToastStore } from '../ui/toast-store';

export function HandOverDialog({ incidentId, onClose }: { incidentId: string; onClose: () => void }) {
  const current = useIncident(incidentId).data?.state?.commander ?? '';
  const queryClient = useQueryClient();
  const push = useToastStore((s) => s.push);
  const [to, setTo] = useState('');
  const handOver = useMutation({
    mutationFn: (name: string) => getClient().callOrThrow('incidents.changeCommander', { incidentId, to: name }),
    onSuccess: (state) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.incident(incidentId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.incidents });
      push({ message: `${state.commander} is now the commander` });
      onClose();
    },
  });
  return (
    <Dialog title="Hand over command" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          handOver.mutate(to.trim());
        }}
      >
        <p>
          Current commander: <strong>{current}</strong>
        </p>
        <label>
          New commander
          <input value={to} onChange={(e) => setTo(e.target.value)} required minLength={1} maxLength={120} placeholder="Name or handle" />
        </label>
        <ErrorNotice error={handOver.error} title="Command not handed over" />
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={handOver.isPending || !to.trim() || to.trim() === current}>
            Hand over
          </button>
        </div>
      </form>
    </Dialog>
  );
}
