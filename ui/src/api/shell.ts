// The system dialogs and file drops, through the shell: the web view never touches the file
// system itself, it only learns the paths the user chose.
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { open, save } from '@tauri-apps/plugin-dialog';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The path the user chose to open, or null when they cancelled. */
export async function chooseFile(filters: FileFilter[] = []): Promise<string | null> {
  const chosen = await open({ multiple: false, directory: false, filters });
  return typeof chosen === 'string' ? chosen : null;
}

/** Several paths to open, or an empty list when the user cancelled. */
export async function chooseFiles(filters: FileFilter[] = []): Promise<string[]> {
  const chosen = await open({ multiple: true, directory: false, filters });
  if (Array.isArray(chosen)) return chosen;
  return typeof chosen === 'string' ? [chosen] : [];
}

/** Where to save, or null when the user cancelled. */
export async function chooseSavePath(defaultPath: string, filters: FileFilter[] = []): Promise<string | null> {
  return save({ defaultPath, filters });
}

/**
 * Calls `onDrop` with the paths of files dropped on the window and `onHover` while files
 * are dragged over it. Returns the function that stops listening.
 */
export async function onFileDrop(
  onDrop: (paths: string[]) => void,
  onHover: (hovering: boolean) => void = () => {},
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === 'over' || payload.type === 'enter') onHover(true);
    else if (payload.type === 'leave') onHover(false);
    else if (payload.type === 'drop') {
      onHover(false);
      onDrop(payload.paths);
    }
  });
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
