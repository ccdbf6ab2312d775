import { join } from 'node:path';
import { Cleanup } from '../support/cleanup';
import { NodeChild } from '../support/child-process';
import { isBaselineReady } from './baseline-server';
import { UploadTarget } from './upload-target';

/** Starts the baseline server in its own process, writing uploads under `directory`. */
export async function startBaseline(directory: string, cleanup: Cleanup): Promise<UploadTarget> {
  const child = NodeChild.start('baseline server', join(__dirname, 'baseline-server.js'), { args: [directory] });
  cleanup.add('stop the baseline server', () => child.stop());
  const { ready: port } = await child.waitForMessage(isBaselineReady, 15_000);
  return { name: 'baseline', process: child, url: new URL(`http://127.0.0.1:${port}/upload`) };
}
