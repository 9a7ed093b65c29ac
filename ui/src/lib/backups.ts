// How a backup reads in a list: when it was made (local time, the user's language), why,
// and its size. Pure, so the unit tests check it without a window.
import type { BackupInfo } from '../api';
import type { Lang } from './i18n/index.svelte';

/** "02/12/2026 14:05" (vi) or "2 Dec 2026, 14:05" (en), in the computer's time zone. */
export function backupTime(made: string, lang: Lang): string {
  const at = new Date(made);
  if (Number.isNaN(at.getTime())) return made;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    day: lang === 'vi' ? '2-digit' : 'numeric',
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** A size people read: "512 KB", "3.4 MB". */
export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The newest verified backup, which "Restore the newest" puts back. */
export function newestVerified(backups: BackupInfo[]): BackupInfo | null {
  return backups.find((b) => b.verified) ?? null;
}
