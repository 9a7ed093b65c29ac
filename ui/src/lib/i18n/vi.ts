// Tiếng Việt: the default language. Every key here must exist in en.ts (a test checks both ways).
export const vi = {
  'app.name': 'Delegation Desk',
  'app.tagline': 'Hợp tác quốc tế',
  'nav.delegations': 'Đoàn công tác',
  'lang.switch': 'English',
  'lang.switch.title': 'Chuyển sang tiếng Anh',

  'delegations.title': 'Đoàn công tác',
  'delegations.count': '{count} đoàn',
  'delegations.new': 'Tạo đoàn mới',
  'delegations.empty': 'Chưa có đoàn nào. Tạo đoàn đầu tiên bằng nút “Tạo đoàn mới” (Ctrl+N).',
  'delegations.loading': 'Đang tải…',
  'delegations.col.direction': 'Loại',
  'delegations.col.title': 'Tên đoàn',
  'delegations.col.country': 'Quốc gia',
  'delegations.col.dates': 'Thời gian',
  'delegations.col.status': 'Trạng thái',

  'direction.outgoing': 'Đoàn ra',
  'direction.incoming': 'Đoàn vào',

  'status.draft': 'Nháp',
  'status.approved': 'Đã duyệt',
  'status.underway': 'Đang công tác',
  'status.returned': 'Đã về',
  'status.reported': 'Đã báo cáo',
  'status.closed': 'Đã kết thúc',
  'status.cancelled': 'Đã hủy',

  'form.new.title': 'Tạo đoàn công tác mới',
  'form.direction': 'Loại đoàn',
  'form.title': 'Tên đoàn',
  'form.title.placeholder': 'Ví dụ: Dự phiên họp lần thứ 2 INELI-ASEAN',
  'form.country': 'Quốc gia',
  'form.country.choose': '— Chọn quốc gia —',
  'form.starts_on': 'Ngày bắt đầu',
  'form.ends_on': 'Ngày kết thúc',
  'form.date.placeholder': 'dd/mm/yyyy',
  'form.save': 'Lưu',
  'form.saving': 'Đang lưu…',
  'form.cancel': 'Hủy',
  'form.failed': 'Chưa lưu được: {message}',

  'rule.required': '{field} không được để trống.',
  'rule.too_long': '{field} quá dài.',
  'rule.invalid_date': '{field} phải là một ngày hợp lệ, dạng dd/mm/yyyy.',
  'rule.end_before_start': 'Ngày kết thúc không được trước ngày bắt đầu.',
  'rule.unknown_code': '{field} không hợp lệ.',

  'error.load': 'Không đọc được dữ liệu: {message}',
} as const;

export type Key = keyof typeof vi;
