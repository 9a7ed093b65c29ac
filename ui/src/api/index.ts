// The only module that talks to the shell. Every command goes through `call`, typed by the
// generated `Commands` interface, and every failure comes back as a `CommandError` carrying
// the shell's `{ kind, message, violations }`.
import { Channel, invoke } from '@tauri-apps/api/core';
import type {
  AttachmentInput,
  Language,
  Commands,
  SectionCounts,
  DelegationFilter,
  DelegationInput,
  DelegationStatus,
  DeskError,
  DirectoryFilter,
  EstimateRequest,
  ExpenseInput,
  FileFilter,
  GuestMapping,
  HistoryMapping,
  HostingList,
  HostingPaper,
  Keep,
  MissionReportInput,
  MemberInput,
  OrganisationInput,
  Paper,
  PrintRequest,
  PageRequest,
  PeopleDecisions,
  PersonInput,
  Progress,
  ProgrammeItemInput,
  SegmentInput,
  Settings,
  SignImageKind,
  SignKeyInput,
  StatsRangeInput,
  StayInput,
  TaskInput,
  TransferInput,
  VisaInput,
} from './bindings';
import { ERROR_KINDS } from './bindings';
import { watched } from './waiting.svelte';

export type * from './bindings';
export {
  ATTACHMENT_KINDS,
  COUNTRY_CODES,
  EXPENSE_KINDS,
  ORGANISATION_KINDS,
  PROGRAMME_KINDS,
  STATUS_MOVES,
  TASK_STATUSES,
  TRANSFER_KINDS,
} from './bindings';

/** A failed command, with the error exactly as the shell described it. */
export class CommandError extends Error {
  readonly detail: DeskError;

  constructor(detail: DeskError) {
    super(detail.message);
    this.name = 'CommandError';
    this.detail = detail;
  }
}

function isDeskError(value: unknown): value is DeskError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.kind === 'string' &&
    (ERROR_KINDS as readonly string[]).includes(v.kind) &&
    typeof v.message === 'string' &&
    Array.isArray(v.violations)
  );
}

/** Whatever a rejected `invoke` produced, as a `DeskError` (Tauri itself rejects with strings). */
export function toDeskError(raw: unknown): DeskError {
  if (raw instanceof CommandError) return raw.detail;
  // An older shell may send no code: the window then falls back to the message.
  if (isDeskError(raw)) return { ...raw, code: typeof raw.code === 'string' ? raw.code : '', params: raw.params ?? {} };
  const message = typeof raw === 'string' ? raw : raw instanceof Error ? raw.message : String(raw);
  return { kind: 'internal', message, violations: [], code: '', params: {} };
}

/** `shown`: the caller shows the work's own progress, so the "waiting" notice stays away. */
async function call<K extends keyof Commands>(
  name: K,
  args: Commands[K]['args'],
  shown = false,
): Promise<Commands[K]['returns']> {
  try {
    const pending = invoke<Commands[K]['returns']>(name, args);
    return await (shown ? pending : watched(pending));
  } catch (raw) {
    throw new CommandError(toDeskError(raw));
  }
}

export const NO_FILTER: DelegationFilter = {
  direction: null,
  year: null,
  status: null,
  country: null,
  organisation_id: null,
  text: null,
  trashed: false,
  sort: 'newest',
};

/** The first page of a list, as long as the shell gives when not told (100 rows). */
export const FIRST_PAGE: PageRequest = { limit: null, after: null };
export const NO_TEXT: DirectoryFilter = { text: null };

export const api = {
  appInfo: () => call('app_info', {}),
  isEmpty: () => call('is_empty', {}),
  listPrinters: () => call('list_printers', {}),
  printPaper: (paper: Paper, how: PrintRequest) => call('print_paper', { paper, how }),
  loadDemo: () => call('load_demo', {}),

  // Safe at rest.
  databaseStatus: () => call('database_status', {}),
  unlockDatabase: (key: string) => call('unlock_database', { key }),
  listBackups: () => call('list_backups', {}),
  makeBackup: () => call('make_backup', {}),
  /** `file`: a backup's name from `listBackups`, never a path. */
  restoreBackup: (file: string) => call('restore_backup', { file }),
  /**
   * Imports a Delegation Desk export (`file`: a token from `chooseFile`), all or nothing;
   * `onProgress` hears how many records are written. `cancelWork(work)` stops it and leaves
   * the database as it was (the call then fails with kind `cancelled`).
   */
  importDataFile: (file: string, replaceSettings: boolean, work: string, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call('import_data_file', { file, replaceSettings, work, onProgress: channel }, true);
  },
  cancelWork: (id: string) => call('cancel_work', { id }),
  recoverySheet: () => call('recovery_sheet', {}),
  /** `file`: a token from `chooseSaveFile`. */
  saveRecoverySheet: (file: string) => call('save_recovery_sheet', { file }),

  // Many machines (Settings → Sync, the Conflicts screen). The folder is chosen in the
  // system's dialog, which the shell opens: the window gets its name, never its path. A sync
  // shows its own busy state, so neither call raises the "waiting" notice.
  syncStatus: () => call('sync_status', {}),
  chooseSyncFolder: () => call('choose_sync_folder', {}, true),
  /** `passphrase`: as typed, or null to use the one this computer keeps. */
  syncNow: (passphrase: string | null) => call('sync_now', { passphrase }, true),
  setAutoSync: (on: boolean) => call('set_auto_sync', { on }),
  listConflicts: () => call('list_conflicts', {}),
  resolveConflict: (id: string, keep: Keep) => call('resolve_conflict', { id, keep }),

  /** One page of delegations (the shell never sends more than 500 at once). */
  listDelegations: (filter: DelegationFilter = NO_FILTER, page: PageRequest = FIRST_PAGE) =>
    call('list_delegations', { filter, page }),
  getDelegation: (id: string) => call('get_delegation', { id }),
  createDelegation: (input: DelegationInput) => call('create_delegation', { input }),
  updateDelegation: (id: string, input: DelegationInput) => call('update_delegation', { id, input }),
  setDelegationStatus: (id: string, status: DelegationStatus) => call('set_delegation_status', { id, status }),
  duplicateDelegation: (id: string, title: string) => call('duplicate_delegation', { id, title }),
  trashDelegation: (id: string) => call('trash_delegation', { id }),
  restoreDelegation: (id: string) => call('restore_delegation', { id }),
  purgeDelegation: (id: string) => call('purge_delegation', { id }),

  listPeople: (filter: DirectoryFilter = NO_TEXT, page: PageRequest = FIRST_PAGE) =>
    call('list_people', { filter, page }),
  getPerson: (id: string) => call('get_person', { id }),
  createPerson: (input: PersonInput) => call('create_person', { input }),
  updatePerson: (id: string, input: PersonInput) => call('update_person', { id, input }),
  deletePerson: (id: string) => call('delete_person', { id }),

  listOrganisations: (filter: DirectoryFilter = NO_TEXT, page: PageRequest = FIRST_PAGE) =>
    call('list_organisations', { filter, page }),
  /** Organisations for a picker: the first 500 by name. */
  pickOrganisations: async () =>
    (await call('list_organisations', { filter: NO_TEXT, page: { limit: 500, after: null } })).items,
  getOrganisation: (id: string) => call('get_organisation', { id }),
  createOrganisation: (input: OrganisationInput) => call('create_organisation', { input }),
  updateOrganisation: (id: string, input: OrganisationInput) => call('update_organisation', { id, input }),
  deleteOrganisation: (id: string) => call('delete_organisation', { id }),

  listMembers: (delegationId: string) => call('list_members', { delegationId }),
  addMember: (delegationId: string, input: MemberInput) => call('add_member', { delegationId, input }),
  updateMember: (id: string, input: MemberInput) => call('update_member', { id, input }),
  removeMember: (id: string) => call('remove_member', { id }),

  listSegments: (delegationId: string) => call('list_segments', { delegationId }),
  addSegment: (delegationId: string, input: SegmentInput) => call('add_segment', { delegationId, input }),
  updateSegment: (id: string, input: SegmentInput) => call('update_segment', { id, input }),
  removeSegment: (id: string) => call('remove_segment', { id }),

  listStays: (delegationId: string) => call('list_stays', { delegationId }),
  addStay: (delegationId: string, input: StayInput) => call('add_stay', { delegationId, input }),
  updateStay: (id: string, input: StayInput) => call('update_stay', { id, input }),
  removeStay: (id: string) => call('remove_stay', { id }),

  listProgramme: (delegationId: string) => call('list_programme', { delegationId }),
  addProgrammeItem: (delegationId: string, input: ProgrammeItemInput) =>
    call('add_programme_item', { delegationId, input }),
  updateProgrammeItem: (id: string, input: ProgrammeItemInput) => call('update_programme_item', { id, input }),
  removeProgrammeItem: (id: string) => call('remove_programme_item', { id }),

  listTasks: (delegationId: string) => call('list_tasks', { delegationId }),
  addTask: (delegationId: string, input: TaskInput) => call('add_task', { delegationId, input }),
  updateTask: (id: string, input: TaskInput) => call('update_task', { id, input }),
  removeTask: (id: string) => call('remove_task', { id }),

  listExpenses: (delegationId: string) => call('list_expenses', { delegationId }),
  addExpense: (delegationId: string, input: ExpenseInput) => call('add_expense', { delegationId, input }),
  updateExpense: (id: string, input: ExpenseInput) => call('update_expense', { id, input }),
  removeExpense: (id: string) => call('remove_expense', { id }),

  listVisas: (delegationId: string) => call('list_visas', { delegationId }),
  addVisa: (input: VisaInput) => call('add_visa', { input }),
  updateVisa: (id: string, input: VisaInput) => call('update_visa', { id, input }),
  removeVisa: (id: string) => call('remove_visa', { id }),

  listAttachments: (delegationId: string) => call('list_attachments', { delegationId }),
  /** Opens the system dialog (from the shell) for files to read: tokens, never paths. */
  chooseOpenFiles: (filters: FileFilter[], multiple: boolean) => call('choose_open_files', { filters, multiple }),
  /** Opens the system save dialog (from the shell): a token to write to, never a path. */
  chooseSaveFile: (fileName: string, filters: FileFilter[]) => call('choose_save_file', { fileName, filters }),
  addAttachmentFile: (input: AttachmentInput, file: string) => call('add_attachment_file', { input, file }),
  attachmentDataUrl: (id: string) => call('attachment_data_url', { id }),
  updateAttachment: (id: string, kind: string, caption: string) => call('update_attachment', { id, kind, caption }),
  removeAttachment: (id: string) => call('remove_attachment', { id }),

  search: (query: string, limit = 8) => call('search', { query, limit }),
  calendar: (from: string, to: string) => call('calendar', { from, to }),
  getReport: (delegationId: string) => call('get_report', { delegationId }),
  startReport: (delegationId: string) => call('start_report', { delegationId }),
  saveReport: (id: string, input: MissionReportInput) => call('save_report', { id, input }),
  finaliseReport: (id: string) => call('finalise_report', { id }),
  reopenReport: (id: string, reason: string) => call('reopen_report', { id, reason }),
  reportVersions: (reportId: string) => call('report_versions', { reportId }),
  reportPreview: (delegationId: string, language: Language) => call('report_preview', { delegationId, language }),
  exportReportPdf: (delegationId: string, language: Language, file: string) =>
    call('export_report_pdf', { delegationId, language, file }),
  // The key file (or token module) and the target are chosen in dialogs the shell opens; the
  // PIN is passed once and never kept. `null` when a dialog was cancelled.
  signPaperPdf: (paper: Paper, key: SignKeyInput, pin: string, uiLanguage: Language) =>
    call('sign_paper_pdf', { paper, key, pin, uiLanguage }),
  // Settings → Signature: the images and roots are chosen in dialogs the shell opens.
  getSigningSetup: () => call('get_signing_setup', {}),
  chooseSignImage: (kind: SignImageKind) => call('choose_sign_image', { kind }),
  removeSignImage: (kind: SignImageKind) => call('remove_sign_image', { kind }),
  addTrustedRoot: () => call('add_trusted_root', {}),
  removeTrustedRoot: (id: string) => call('remove_trusted_root', { id }),
  verifyAttachment: (id: string, uiLanguage: Language) => call('verify_attachment', { id, uiLanguage }),
  agenda: (today: string | null = null, delegationId: string | null = null) => call('agenda', { today, delegationId }),
  todayAgenda: (shown: SectionCounts, today: string | null = null) => call('today_agenda', { today, shown }),
  suggestPlaces: (typed: string) => call('suggest_places', { typed }),
  getItinerary: (delegationId: string) => call('get_itinerary', { delegationId }),
  exportItineraryPdf: (delegationId: string, person: string | null, language: Language, file: string) =>
    call('export_itinerary_pdf', { delegationId, person, language, file }),
  exportItineraryIcs: (delegationId: string, person: string | null, file: string) =>
    call('export_itinerary_ics', { delegationId, person, file }),
  exportCalendarIcs: (from: string, to: string, file: string) => call('export_calendar_ics', { from, to, file }),
  reviewEstimate: (delegationId: string, request: EstimateRequest) =>
    call('review_estimate', { delegationId, request }),
  saveEstimate: (delegationId: string, request: EstimateRequest) => call('save_estimate', { delegationId, request }),
  settlement: (delegationId: string) => call('settlement', { delegationId }),
  exportEstimate: (delegationId: string, request: EstimateRequest, language: Language, file: string) =>
    call('export_estimate', { delegationId, request, language, file }),
  exportSettlement: (delegationId: string, language: Language, file: string) =>
    call('export_settlement', { delegationId, language, file }),
  listRateTables: () => call('list_rate_tables', {}),
  importRateTableFile: (file: string) => call('import_rate_table_file', { file }),
  exportRateTableFile: (id: string, file: string) => call('export_rate_table_file', { id, file }),
  deleteRateTable: (id: string) => call('delete_rate_table', { id }),
  loadExampleRates: () => call('load_example_rates', {}),
  getSettings: () => call('get_settings', {}),
  saveSettings: (settings: Settings) => call('save_settings', { settings }),
  auditOf: (entity: string, id: string) => call('audit_of', { entity, id }),

  statsYears: () => call('stats_years', {}),
  getStats: (range: StatsRangeInput) => call('get_stats', { range }),
  getStatsInFull: (range: StatsRangeInput) => call('get_stats_in_full', { range }),
  exportAnnualReport: (
    range: StatsRangeInput,
    language: Language,
    file: string,
    countryNames: Record<string, string>,
  ) => call('export_annual_report', { range, language, file, countryNames }),
  exportAnnualWorkbook: (range: StatsRangeInput, language: Language, file: string) =>
    call('export_annual_workbook', { range, language, file }),

  // The office's history.
  previewHistoryFile: (
    file: string,
    sheet: string | null,
    mapping: HistoryMapping | null,
    decisions: PeopleDecisions,
  ) => call('preview_history_file', { file, sheet, mapping, decisions }),
  importHistoryFile: (
    file: string,
    sheet: string | null,
    mapping: HistoryMapping | null,
    decisions: PeopleDecisions,
    skipInvalid: boolean,
    work: string,
    onProgress: (p: Progress) => void,
  ) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return call(
      'import_history_file',
      { file, sheet, mapping, decisions, skipInvalid, work, onProgress: channel },
      true,
    );
  },

  // The hosting kit.
  previewGuestFile: (delegationId: string, file: string, sheet: string | null, mapping: GuestMapping | null) =>
    call('preview_guest_file', { delegationId, file, sheet, mapping }),
  importGuestFile: (
    delegationId: string,
    file: string,
    sheet: string | null,
    mapping: GuestMapping | null,
    skipInvalid: boolean,
  ) => call('import_guest_file', { delegationId, file, sheet, mapping, skipInvalid }),
  listGuests: (delegationId: string) => call('list_guests', { delegationId }),
  checkIn: (delegationId: string, personId: string) => call('check_in', { delegationId, personId }),
  undoCheckIn: (delegationId: string, personId: string) => call('undo_check_in', { delegationId, personId }),
  defaultChecklist: () => call('default_checklist', {}),
  applyChecklist: (delegationId: string, assigneeId: string | null, language: Language) =>
    call('apply_checklist', { delegationId, assigneeId, language }),
  generateTransfers: (delegationId: string) => call('generate_transfers', { delegationId }),
  transferBoard: (delegationId: string) => call('transfer_board', { delegationId }),
  addTransfer: (delegationId: string, input: TransferInput) => call('add_transfer', { delegationId, input }),
  updateTransfer: (id: string, input: TransferInput) => call('update_transfer', { id, input }),
  removeTransfer: (id: string) => call('remove_transfer', { id }),
  roomingList: (delegationId: string) => call('rooming_list', { delegationId }),
  moveGuest: (delegationId: string, personId: string, fromStayId: string | null, toStayId: string | null) =>
    call('move_guest', { delegationId, personId, fromStayId, toStayId }),
  programmeDays: (delegationId: string) => call('programme_days', { delegationId }),
  exportHostingList: (delegationId: string, list: HostingList, file: string) =>
    call('export_hosting_list', { delegationId, list, file }),
  exportHostingPaper: (delegationId: string, paper: HostingPaper, languages: Language[], file: string) =>
    call('export_hosting_paper', { delegationId, paper, languages, file }),
};

/** A delegation input with every optional field empty. */
export function emptyDelegationInput(): DelegationInput {
  return {
    direction: 'outgoing',
    title: '',
    country: '',
    starts_on: '',
    ends_on: '',
    purpose: '',
    event: '',
    organisation_id: null,
    cities: '',
    more_destinations: [],
    funding: 'state_budget',
    sponsor_id: null,
    decision_number: '',
    decision_date: '',
    decision_signer: '',
    notes: '',
  };
}

export function emptyPersonInput(): PersonInput {
  return {
    full_name: '',
    passport_name: '',
    family_name: '',
    given_name: '',
    name_order: '',
    title: '',
    unit: '',
    organisation_id: null,
    gender: '',
    born_on: '',
    nationality: '',
    passport_no: '',
    passport_expires_on: '',
    email: '',
    phone: '',
    dietary: '',
    access_needs: '',
    staff_level: '',
    notes: '',
  };
}
