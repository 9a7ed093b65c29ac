// What the window knows of sync, shared by the sidebar (the Conflicts entry and its badge),
// Settings → Sync and the Conflicts screen: each reads it again after a sync or a
// resolution, and the badge follows.
import { api, type SyncStatus } from '../api';

const state = $state<{ status: SyncStatus | null }>({ status: null });

export function syncStatus(): SyncStatus | null {
  return state.status;
}

/** Reads the status again (null when the shell cannot say: no database open). */
export async function refreshSync(): Promise<SyncStatus | null> {
  state.status = await api.syncStatus().catch(() => null);
  return state.status;
}

/** A status a command returned (the folder dialog's). */
export function setSyncStatus(status: SyncStatus): void {
  state.status = status;
}

/** How many conflicts wait for a person. */
export function openConflicts(): number {
  return state.status?.open_conflicts ?? 0;
}

/** The Conflicts entry shows on a device that syncs, or while a conflict waits. */
export function showsConflicts(): boolean {
  return Boolean(state.status?.joined) || openConflicts() > 0;
}

/** Every so often, while the window is open, a device that syncs by itself syncs. */
export const AUTO_SYNC_MINUTES = 5;

/** Whether the automatic sync may run now: turned on, on a device that has joined a folder
 * and keeps the passphrase (nothing is asked of a person in the background). */
export function syncsByItself(status: SyncStatus | null): boolean {
  return Boolean(status?.auto && status.joined && status.passphrase_kept);
}

/** The automatic sync: once now (the window has just opened), then every few minutes.
 * Quiet: what it did shows in Settings → Sync and in the Conflicts badge; a failure waits
 * for the next round or for Sync now. Returns the function that stops it. */
export function startAutoSync(): () => void {
  const round = async () => {
    if (!syncsByItself(await refreshSync())) return;
    await api.syncNow(null).catch(() => null);
    await refreshSync();
  };
  void round();
  const timer = setInterval(() => void round(), AUTO_SYNC_MINUTES * 60_000);
  return () => clearInterval(timer);
}
