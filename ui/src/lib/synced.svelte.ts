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
