// Test support: a log file layer over the real file that can be told to write short (a few bytes per call) or to fail like a full disk.
import { openLogFile, type LogFile } from '../log-file';

export interface DiskFaults {
  /** At most this many bytes per write call (a short write), or undefined for whole writes. */
  maxBytesPerWrite?: number;
  /** Once this many more bytes have been written, every write fails with this errno code (e.g. 'ENOSPC'). */
  failAfterBytes?: number;
  failWith?: 'ENOSPC' | 'EIO';
}

export function faultyLogFile(faults: DiskFaults): (file: string) => Promise<LogFile> {
  return async (file) => {
    const real = await openLogFile(file);
    return {
      ...real,
      async write(buffer, offset, length) {
        let allowed = Math.min(length, faults.maxBytesPerWrite ?? length);
        if (faults.failWith !== undefined && faults.failAfterBytes !== undefined) {
          if (faults.failAfterBytes <= 0) {
            throw Object.assign(new Error(`${faults.failWith}: ${faults.failWith === 'ENOSPC' ? 'no space left on device' : 'i/o error'}, write`), { code: faults.failWith });
          }
          allowed = Math.min(allowed, faults.failAfterBytes);
        }
        const written = await real.write(buffer, offset, allowed);
        if (faults.failAfterBytes !== undefined) faults.failAfterBytes -= written;
        return written;
      },
    };
  };
}
