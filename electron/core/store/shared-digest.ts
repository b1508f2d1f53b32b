// Reading a log into memory a worker thread can see, and hashing it there. On open, the seal's SHA-256 over the log's sealed
// prefix is checked while the same bytes are parsed. webcrypto.subtle.digest did that in the thread pool, but first copied its
// input on the main thread: at a million events (≈ 250 MB) that copy held the host for ≈ 1 s under load and doubled the peak
// memory of the open. Bytes read into a SharedArrayBuffer are hashed by a worker in place: no copy, nothing on this thread.
// Hand-written: a dozen lines over node:worker_threads; no library shares a buffer with a hashing worker.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

/** Below this a digest on this thread (≈ 10–40 ms) costs less than starting a worker. */
const WORKER_FROM_BYTES = 16 * 1024 * 1024;

/** The whole file, in memory backed by a SharedArrayBuffer (what digestOffThread can hand to a worker without a copy). */
export async function readFileShared(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) break; // truncated meanwhile: what was read is the log as it stands
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}

const HASH_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { buffer, offset, length } = workerData;
parentPort.postMessage(createHash('sha256').update(new Uint8Array(buffer, offset, length)).digest('hex'));
`;

/** Whether digestOffThread hands `bytes` to a worker: large, and in shared memory (else a worker would need a copy). */
export const hashedInWorker = (bytes: Buffer): boolean => bytes.length >= WORKER_FROM_BYTES && bytes.buffer instanceof SharedArrayBuffer;

/** The hex SHA-256 of `bytes`: in a worker when they are large and shared (readFileShared), otherwise here. */
export function digestOffThread(bytes: Buffer): Promise<string> {
  if (!hashedInWorker(bytes)) return Promise.resolve(createHash('sha256').update(bytes).digest('hex'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_IN_WORKER, { eval: true, workerData: { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } });
    worker.once('message', (hex: string) => resolve(hex));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The hashing worker stopped (exit code ${code}) before answering.`)));
  });
}
