// Raises an OS notification (web Notification API, only when the user granted it) once for each update reminder.
import { useEffect, useRef, useState } from 'react';
import { reminderKey, type Reminder } from './reminders';

const supported = () => typeof window !== 'undefined' && 'Notification' in window;

export function useReminderNotifications(reminders: readonly Reminder[], incidentTitle: string): void {
  const notified = useRef(new Set<string>());
  useEffect(() => {
    if (!supported() || Notification.permission !== 'granted') return;
    for (const r of reminders) {
      const key = reminderKey(r);
      if (notified.current.has(key)) continue;
      notified.current.add(key);
      try {
        new Notification(`Update to ${r.audience} ${r.overdue ? 'overdue' : 'due'}`, { body: `${incidentTitle}: ${r.text}`, tag: key });
      } catch {
        // Some platforms refuse page notifications even when granted; the in-app reminder is still shown.
      }
    }
  }, [reminders, incidentTitle]);
}

/** Offers to turn notifications on only while the browser would still ask; never nags after a refusal. */
export function useNotificationPermission(): { canAsk: boolean; ask(): void } {
  const [permission, setPermission] = useState(() => (supported() ? Notification.permission : 'denied'));
  return {
    canAsk: permission === 'default',
    ask() {
      if (!supported()) return;
      void Notification.requestPermission().then(setPermission, () => setPermission('denied'));
    },
  };
}
