// The viewer's choice of time zone for every time the cockpit shows (UTC or local), remembered on this machine.
import { create } from 'zustand';
import type { TimeZoneChoice } from '../../../shared/time/format-time';

const KEY = 'firebreak.timeZone';

function remembered(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(KEY) === 'local' ? 'local' : 'utc';
  } catch {
    return 'utc';
  }
}

interface TimeZoneState {
  zone: TimeZoneChoice;
  setZone(zone: TimeZoneChoice): void;
}

export const useTimeZoneStore = create<TimeZoneState>((set) => ({
  zone: remembered(),
  setZone(zone) {
    try {
      window.localStorage.setItem(KEY, zone);
    } catch {
      // storage may be unavailable; the choice still holds for this session
    }
    set({ zone });
  },
}));
