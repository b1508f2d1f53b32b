// The few file operations an incident log needs, behind an interface so tests can make the disk write short or fail (ENOSPC, EIO).
import { open } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../base/durable-file';

export interface LogFile {
  /** Appends up to `length` bytes of `buffer` from `offset` at the end of the file; resolves with how many were written. */
  write(buffer: Uint8Array, offset: number, length: number): Promise<number>;
  datasync(): Promise<void>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export type OpenLogFile = (file: string) => Promise<LogFile>;

/** Opens (creating owner-only if needed) the real file for appending. */
export const openLogFile: OpenLogFile = async (file) => {
  const handle = await open(file, 'a+', PRIVATE_FILE_MODE);
  return {
    write: async (buffer, offset, length) => (await handle.write(buffer, offset, length, null)).bytesWritten,
    datasync: () => handle.datasync(),
    sync: () => handle.sync(),
    truncate: (length) => handle.truncate(length),
    close: () => handle.close(),
  };
};
