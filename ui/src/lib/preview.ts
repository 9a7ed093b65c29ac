/**
 * What a PDF preview holds while it is open, given back when it closes: the pdf.js loading
 * task (which owns the document and its worker) and the pixels of the canvases it drew.
 */

import { emptyCanvas, type Drawn } from './canvas';

/** The part of pdf.js's loading task a preview uses: destroying it ends its worker. */
export interface LoadingTask {
  destroy(): Promise<void> | void;
}

export class PreviewResources {
  #closed = false;
  #task: LoadingTask | null = null;
  readonly #canvases: () => Iterable<Drawn>;

  constructor(canvases: () => Iterable<Drawn>) {
    this.#canvases = canvases;
  }

  /** Whether the preview was closed (stop drawing). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Keeps the task until the preview closes; one started after it closed ends at once. */
  hold<T extends LoadingTask>(task: T): T {
    if (this.#closed) void task.destroy();
    else this.#task = task;
    return task;
  }

  /** Ends the task (document and worker) and empties every canvas drawn. */
  close(): void {
    this.#closed = true;
    void this.#task?.destroy();
    this.#task = null;
    for (const canvas of this.#canvases()) emptyCanvas(canvas);
  }
}
