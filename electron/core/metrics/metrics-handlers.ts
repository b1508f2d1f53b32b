// The metrics channels of the IPC contract, mapped onto the metrics service (spread into the router's handler map).
import type { Handlers } from '../ipc/router';
import { testConnection } from './connection-test';
import type { MetricsService } from './metrics-service';

type MetricsChannel = Extract<keyof Handlers, `metrics.${string}`>;

export function metricsHandlers(metrics: MetricsService): Pick<Handlers, MetricsChannel> {
  return {
    'metrics.settings.get': () => metrics.settings.view(),
    'metrics.settings.save': (input) => metrics.settings.save(input),
    'metrics.testConnection': async (input) => testConnection(input, (await metrics.settings.current()).config),
    'metrics.view': (input) => metrics.view(input),
    'metrics.captured': (input) => metrics.captured(input),
    'metrics.addPanel': (input) => metrics.addPanel(input),
    'metrics.removePanel': (input) => metrics.removePanel(input),
    'metrics.silence.create': (input) => metrics.createSilence(input),
    'metrics.silence.expire': (input) => metrics.expireSilence(input),
  };
}
