// The system dialogs and file drops, through the shell. The dialogs are opened by the shell
// and files dropped on the window are received by it: the window only ever holds tokens and
// file names (`ChosenFile`), never a path, and hands the token back to the command that
// reads or writes the file.
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { api, type ChosenFile, type FileFilter } from './index';

export type { ChosenFile, FileFilter };

/** The shell's event carrying the files dropped on the window (see src-tauri/src/chosen.rs). */
const DROPPED = 'desk://files-dropped';

/** The file the user chose to open, or null when they cancelled. */
export async function chooseFile(filters: FileFilter[] = []): Promise<ChosenFile | null> {
  const chosen = await api.chooseOpenFiles(filters, false);
  return chosen[0] ?? null;
}

/** Several files to open, or an empty list when the user cancelled. */
export async function chooseFiles(filters: FileFilter[] = []): Promise<ChosenFile[]> {
  return api.chooseOpenFiles(filters, true);
}

/** Where to save (suggesting `fileName`), or null when the user cancelled. */
export async function chooseSaveFile(fileName: string, filters: FileFilter[] = []): Promise<ChosenFile | null> {
  return api.chooseSaveFile(fileName, filters);
}

/**
 * Calls `onDrop` with the files dropped on the window and `onHover` while files are
 * dragged over it. Returns the function that stops listening.
 */
export async function onFileDrop(
  onDrop: (files: ChosenFile[]) => void,
  onHover: (hovering: boolean) => void = () => {},
): Promise<() => void> {
  const stopHover = await getCurrentWebview().onDragDropEvent((event) => {
    const type = event.payload.type;
    if (type === 'over' || type === 'enter') onHover(true);
    else onHover(false);
  });
  const stopDrop = await listen<ChosenFile[]>(DROPPED, (event) => onDrop(event.payload));
  return () => {
    stopHover();
    stopDrop();
  };
}

/**
 * Runs `beforeClose` (e.g. saving what is being typed) when the user closes the window; the
 * window closes once it has finished. Returns the function that stops listening.
 */
export async function onWindowClose(beforeClose: () => Promise<void>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async () => {
    await beforeClose();
  });
}

/**
 * Calls `onChange` when the shell finds the database damaged after the window opened (the
 * full check of a large file runs in the background). Returns the function that stops.
 */
export async function onDatabaseStatus(onChange: () => void): Promise<() => void> {
  return listen('database-status', () => onChange());
}
